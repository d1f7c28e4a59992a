package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reading what the server wrote into its log files, which it may write a moment after it answered. */
final class LogFiles {

    private LogFiles() {
    }

    /**
     * The lines of {@code file} that contain every one of {@code texts}, once there is at least one; fails after 15 s.
     * A log that rotates is read whole: {@code file} and its siblings named {@code file.0}, {@code file.1}, ...
     */
    static List<String> awaitLines(Path file, String... texts) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            List<String> lines = new ArrayList<>();
            for (Path part : parts(file)) {
                Files.readAllLines(part, StandardCharsets.UTF_8).stream()
                        .filter(line -> List.of(texts).stream().allMatch(line::contains))
                        .forEach(lines::add);
            }
            if (!lines.isEmpty()) {
                return lines;
            }
            if (System.nanoTime() > deadline) {
                return fail("no line of " + file + " contains all of " + List.of(texts));
            }
            Thread.sleep(200);
        }
    }

    private static List<Path> parts(Path file) throws IOException {
        if (!Files.isDirectory(file.getParent())) {
            return List.of();
        }
        String name = file.getFileName().toString();
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            return siblings.filter(path -> {
                String other = path.getFileName().toString();
                return other.equals(name) || other.matches(Pattern.quote(name) + "\\.\\d+");
            }).sorted().toList();
        }
    }
}
