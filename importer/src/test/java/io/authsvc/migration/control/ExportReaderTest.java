package io.authsvc.migration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.migration.entity.Document;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportReaderTest {

    static List<Document> readAll(String text) {
        List<Document> documents = new ArrayList<>();
        try (ExportReader reader = new ExportReader("users.json", new StringReader(text))) {
            Optional<Document> next;
            while ((next = reader.next()).isPresent()) {
                documents.add(next.get());
            }
        }
        return documents;
    }

    static String error(String text) {
        return assertThrows(UnreadableExport.class, () -> readAll(text)).getMessage();
    }

    @Test
    void readsAPrettyArrayDocumentByDocument() {
        List<Document> documents = readAll("""
                [
                  {
                    "_id": {"$oid": "65a1b2c3d4e5f60718293a41"},
                    "username": "ann"
                  },
                  {"_id": {"$oid": "65a1b2c3d4e5f60718293a42"}, "username": "bo"}
                ]
                """);
        assertEquals(2, documents.size());
        assertEquals(1, documents.get(0).record());
        assertEquals(2, documents.get(0).line());
        assertEquals("ann", ((JsonObject) documents.get(0).value()).getString("username"));
        assertEquals(2, documents.get(1).record());
        assertEquals(6, documents.get(1).line());
    }

    @Test
    void readsOneDocumentPerLineSkippingBlankLines() {
        List<Document> documents = readAll("""
                {"username": "ann"}

                {"username": "bo"}\r
                """);
        assertEquals(List.of(1, 2), documents.stream().map(Document::record).toList());
        assertEquals(List.of(1L, 3L), documents.stream().map(Document::line).toList());
    }

    @Test
    void acceptsAByteOrderMarkLeadingBlankLinesAndEmptyFiles() {
        assertEquals(1, readAll("\uFEFF\n\n  [{\"username\": \"ann\"}]").size());
        assertEquals(3, readAll("\uFEFF\n\n{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3}").get(2).line() - 2);
        assertEquals(0, readAll("").size());
        assertEquals(0, readAll("  \n").size());
        assertEquals(0, readAll("[]").size());
    }

    @Test
    void passesValuesThatAreNoDocumentsOnForTheMapperToReport() {
        List<Document> documents = readAll("[42, \"text\", [1], {\"a\": 1}]");
        assertEquals(4, documents.size());
        assertEquals(JsonValue.ValueType.NUMBER, documents.get(0).value().getValueType());
        assertEquals(JsonValue.ValueType.ARRAY, documents.get(2).value().getValueType());
    }

    @Test
    void namesTheLineAndRecordOfBrokenJsonInAnArray() {
        String message = error("""
                [
                {"username": "ann"},
                {"username": "bo",, }
                ]""");
        assertTrue(message.startsWith("users.json line 3, column "), message);
        assertTrue(message.contains("(record 2)"), message);
    }

    @Test
    void namesTheLineAndRecordOfABrokenLine() {
        String message = error("""
                {"username": "ann"}

                {"username": "bo"
                {"username": "cy"}""");
        assertTrue(message.startsWith("users.json line 3 (record 2): "), message);
    }

    @Test
    void refusesTwoDocumentsOnOneLine() {
        assertTrue(error("{\"a\": 1} {\"b\": 2}").startsWith("users.json line 1 (record 1): "));
    }

    @Test
    void explainsAPrettyExportWithoutJsonArray() {
        assertTrue(error("{\n  \"username\": \"ann\"\n}\n").contains("--jsonArray"));
    }

    @Test
    void refusesAnArrayCutShortOrFollowedByMore() {
        assertTrue(error("[{\"a\": 1},\n{\"a\": 2}").contains("line 2"), error("[{\"a\": 1},\n{\"a\": 2}"));
        assertTrue(error("[{\"a\": 1}] [").contains("users.json line 1"));
        assertTrue(error("[{\"a\": 1}, {\"a\": 2").contains("(record 2)"));
    }
}
