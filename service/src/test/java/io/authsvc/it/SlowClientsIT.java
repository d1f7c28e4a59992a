package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a request slowly or stop half way, with real sockets: more of them than the server has request
 * threads must not stop others from being served, and the server closes them within a bound (docs/operations.md, "Time-outs").
 * A client on a slow link that pauses between the pieces of its request is still served.
 */
class SlowClientsIT extends DeployedService {

    /** More than WildFly's request threads (16 per core) on a CI machine. */
    private static final int CLIENTS = 60;
    /** The server's read time-out (20 s, server-config/) and slack for a loaded machine. */
    private static final long CLOSED_WITHIN_SECONDS = 45;

    @Test
    void stalledBodiesNeitherBlockOthersNorStayOpen() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                Socket socket = open();
                send(socket, "POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 1000\r\n\r\nusername=a");
                stalled.add(socket);
            }
            long opened = System.nanoTime();
            Thread.sleep(1_000);
            assertPingAnswersPromptly();
            assertAllClosedBy(stalled, opened);
            assertPingAnswersPromptly();
        } finally {
            closeAll(stalled);
        }
    }

    @Test
    void stalledJsonBodiesOfOtherEndpointsAreClosedToo() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (String path : List.of("register", "logout", "password-reset", "")) {
                for (int i = 0; i < CLIENTS / 4; i++) {
                    Socket socket = open();
                    send(socket, "POST /auth/" + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n40\r\n{\"email\":");
                    stalled.add(socket);
                }
            }
            long opened = System.nanoTime();
            Thread.sleep(1_000);
            assertPingAnswersPromptly();
            // Payara answers a chunked body that stalls (400, Connection: close) and frees its thread, but Grizzly
            // keeps the connection to swallow the rest of the body (docs/operations.md, "Time-outs and slow clients").
            assertAllClosedBy(stalled, opened, !TestEnvironment.isWildFly());
        } finally {
            closeAll(stalled);
        }
    }

    @Test
    void headsTrickledByteByByteAreClosed() throws Exception {
        List<Socket> trickling = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                Socket socket = open();
                send(socket, "GET /auth/ping HTTP/1.1\r\nHost: x\r\n");
                trickling.add(socket);
            }
            long opened = System.nanoTime();
            // A header line every 2 s, never the end of the head: no read waits long, the head never ends.
            Thread trickler = Thread.ofVirtual().start(() -> {
                for (int line = 0; !Thread.currentThread().isInterrupted(); line++) {
                    for (Socket socket : trickling) {
                        try {
                            send(socket, "X-Trickle-" + line + ": x\r\n");
                        } catch (IOException closed) {
                            // the server closed it: what is wanted
                        }
                    }
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            try {
                Thread.sleep(3_000);
                assertPingAnswersPromptly();
                assertAllClosedBy(trickling, opened);
            } finally {
                trickler.interrupt();
            }
        } finally {
            closeAll(trickling);
        }
    }

    @Test
    void aClientThatPausesBetweenThePiecesOfItsRequestIsServed() throws Exception {
        String body = "username=" + Api.unique("nobody") + "&password=not+the+password";
        try (Socket socket = open()) {
            socket.setSoTimeout(30_000);
            send(socket, "POST /auth/login HTTP/1.1\r\nHost: x\r\n");
            Thread.sleep(3_000);
            send(socket, "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n");
            Thread.sleep(3_000);
            send(socket, "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10));
            Thread.sleep(5_000);
            send(socket, body.substring(10));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        }
    }

    // ---- helpers

    private Socket open() throws IOException {
        Socket socket = new Socket(url.getHost(), url.getPort());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** A ping on a fresh connection is answered within 3 s (the stalled ones hold no thread it needs). */
    private void assertPingAnswersPromptly() throws IOException {
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            try (Socket socket = open()) {
                socket.setSoTimeout(3_000);
                send(socket, "GET /auth/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                String answer;
                try {
                    answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                } catch (SocketTimeoutException e) {
                    answer = "no answer within 3 s";
                }
                assertTrue(answer.startsWith("HTTP/1.1 204"), "ping while slow clients wait: " + answer);
            }
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
        }
    }

    /**
     * Every socket is closed by the server (end of stream or a reset, after an answer or none) by {@link
     * #CLOSED_WITHIN_SECONDS} after {@code opened}.
     */
    private static void assertAllClosedBy(List<Socket> sockets, long opened) throws IOException {
        assertAllClosedBy(sockets, opened, false);
    }

    /** As above; with {@code answerSuffices}, a connection that got an answer (its thread let go) counts too. */
    private static void assertAllClosedBy(List<Socket> sockets, long opened, boolean answerSuffices) throws IOException {
        long deadline = opened + TimeUnit.SECONDS.toNanos(CLOSED_WITHIN_SECONDS);
        int open = 0;
        for (Socket socket : sockets) {
            if (!closedBy(socket, deadline, answerSuffices)) {
                open++;
            }
        }
        assertEquals(0, open, open + " of " + sockets.size() + " connections still open" + (answerSuffices
                ? " and unanswered" : "") + " after " + CLOSED_WITHIN_SECONDS + " s");
    }

    private static boolean closedBy(Socket socket, long deadline, boolean answerSuffices) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                int read = in.read(buffer);
                if (read < 0 || (answerSuffices && read > 0)) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException reset) {
                return true;
            }
        }
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing what the server may have closed
            }
        }
    }
}
