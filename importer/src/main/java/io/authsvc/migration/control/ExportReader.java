package io.authsvc.migration.control;

import io.authsvc.migration.entity.Document;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a mongoexport file one document at a time, so that its size does not matter: either a JSON array
 * ({@code --jsonArray}, pretty or not), streamed through a JSON-P parser, or mongoexport's default of one document
 * per line. Broken JSON is an {@link UnreadableExport} that names the line and the record.
 */
public class ExportReader implements AutoCloseable {

    /** Looked up once: {@code Json.createParser} would search the class path for a provider on every line. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final String name;
    private final BufferedReader in;
    private final JsonParserFactory lineParsers = JSON.createParserFactory(Map.of());
    /** Set for an array file; null when the file holds one document per line. */
    private final JsonParser array;
    /** Lines consumed before the array parser started: it counts from its own first line. */
    private long line;
    private int record;
    private boolean done;

    public ExportReader(String name, Reader reader) {
        this.name = name;
        this.in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader, 1 << 16);
        this.array = firstContent() == '[' ? JSON.createParser(in) : null;
    }

    /** The next document, or empty at the end of the file. */
    public Optional<Document> next() {
        if (done) {
            return Optional.empty();
        }
        Optional<Document> next = array != null ? nextInArray() : nextLine();
        done = next.isEmpty();
        return next;
    }

    private Optional<Document> nextInArray() {
        try {
            if (record == 0 && array.next() != JsonParser.Event.START_ARRAY) {
                throw new UnreadableExport(name + ": does not start with a JSON array");
            }
            if (!array.hasNext()) {
                throw new UnreadableExport(at(array.getLocation()) + ": the file ends inside the array (cut short?)");
            }
            JsonParser.Event event = array.next();
            if (event == JsonParser.Event.END_ARRAY) {
                if (array.hasNext()) {
                    array.next();
                    throw new UnreadableExport(at(array.getLocation()) + ": more content after the array's end");
                }
                return Optional.empty();
            }
            long start = line + array.getLocation().getLineNumber();
            JsonValue value = switch (event) {
                case START_OBJECT -> array.getObject();
                case START_ARRAY -> array.getArray();
                default -> array.getValue();
            };
            record++;
            return Optional.of(new Document(record, start, value));
        } catch (JsonParsingException e) {
            throw new UnreadableExport(at(e.getLocation()) + " (record " + (record + 1) + "): " + e.getMessage());
        } catch (JsonException e) {
            throw new UnreadableExport(name + " (record " + (record + 1) + "): " + e.getMessage());
        }
    }

    private Optional<Document> nextLine() {
        String text;
        do {
            text = readLine();
            if (text == null) {
                return Optional.empty();
            }
            line++;
        } while (text.isBlank());
        record++;
        try (JsonParser parser = lineParsers.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            // mongoexport writes exactly one document per line; more would be a file of another kind.
            if (parser.hasNext()) {
                parser.next();
                throw new JsonParsingException("more than one value on the line", parser.getLocation());
            }
            return Optional.of(new Document(record, line, value));
        } catch (JsonException | IllegalStateException e) {
            throw new UnreadableExport(name + " line " + line + " (record " + record + "): " + e.getMessage()
                    + (record == 1 && text.strip().equals("{")
                    ? " (a --pretty export needs --jsonArray: without it, mongoexport must write one document per line)"
                    : ""));
        }
    }

    /** Skips a byte-order mark and white space, counting lines, and answers the first character after them. */
    private int firstContent() {
        try {
            int c;
            do {
                in.mark(1);
                c = in.read();
                if (c == '\n') {
                    line++;
                }
            } while (c == '\uFEFF' || (c >= 0 && Character.isWhitespace(c)));
            in.reset();
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String at(JsonLocation location) {
        return location == null ? name : name + " line " + (line + location.getLineNumber()) + ", column "
                + location.getColumnNumber();
    }

    @Override
    public void close() {
        try {
            if (array != null) {
                array.close();
            }
            in.close();
        } catch (IOException | JsonException e) {
            // Only ever read: nothing is lost when closing fails.
        }
    }
}
