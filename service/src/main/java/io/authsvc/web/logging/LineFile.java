package io.authsvc.web.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A file that whole lines are appended to by many threads (the audit trail, the access log). A line that cannot be
 * written is reported in the server log, never thrown: a full disk must not fail the call that wrote it.
 */
public final class LineFile implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LineFile.class.getName());

    private final String setting;
    private final FileChannel channel;

    private LineFile(String setting, FileChannel channel) {
        this.setting = setting;
        this.channel = channel;
    }

    /**
     * The file that setting {@code setting} names, opened for appending (its directory made when missing);
     * empty when the setting is unset or blank.
     *
     * @throws UncheckedIOException when the file cannot be opened, naming the setting
     */
    public static Optional<LineFile> open(String setting, Optional<String> file) {
        if (file.filter(name -> !name.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(file.get()).toAbsolutePath();
            Files.createDirectories(path.getParent());
            return Optional.of(new LineFile(setting, FileChannel.open(path, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)));
        } catch (IOException e) {
            throw new UncheckedIOException(setting + " cannot be opened for appending: " + file.get(), e);
        }
    }

    public void append(String line) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot append to {0}: {1}", new Object[] {setting, e.toString()});
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing " + setting, e);
        }
    }
}
