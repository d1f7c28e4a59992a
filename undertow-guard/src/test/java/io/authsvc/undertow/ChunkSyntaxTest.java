package io.authsvc.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkSyntaxTest {

    private static int read(String body) {
        ChunkSyntax syntax = new ChunkSyntax();
        ByteBuffer buffer = ByteBuffer.wrap(body.getBytes(StandardCharsets.ISO_8859_1));
        return syntax.accept(buffer, 0, buffer.limit());
    }

    @Test
    void acceptsChunksExtensionsAndTrailers() {
        assertEquals(5, read("0\r\n\r\n"));
        String form = "1D;name=value;flag\r\nusername=nobody&password=none\r\n0\r\n\r\n";
        assertEquals(form.length(), read(form));
        assertEquals(13, read("3\r\nabc\r\n0\r\n\r\nGET")); // the rest is the next request's
        String trailers = "3 ;x=\"y\"\r\nabc\r\n0\r\nX-T: 1\r\n\r\n";
        assertEquals(trailers.length(), read(trailers));
        assertEquals(7, read("a\r\n0123")); // cut short: all of it belongs to the body so far
    }

    @Test
    void refusesWhatIsNoChunkSize() {
        for (String body : new String[] {"0x33\r\n\r\n", "1g\r\nA\r\n0\r\n\r\n", "-0\r\n\r\n", "+1\r\n", " 1\r\n",
                "\r\n", "1" + "0".repeat(16) + "\r\n", "1;\u0001\r\n", "1\r\nAB\r\n", "1\nA\r\n", "0\r\n\n",
                "0\r\n x\r\n\r\n"}) {
            assertTrue(read(body) < 0, body);
        }
    }

    @Test
    void readsAcrossPieces() {
        ChunkSyntax syntax = new ChunkSyntax();
        String body = "5\r\nhello\r\n0\r\n\r\n";
        for (char c : body.toCharArray()) {
            assertEquals(1, syntax.accept(ByteBuffer.wrap(new byte[] {(byte) c}), 0, 1));
        }
        assertTrue(syntax.done());
    }
}
