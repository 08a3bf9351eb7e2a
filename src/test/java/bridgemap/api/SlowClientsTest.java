package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: 200 connections sending their request heads a byte at a time (slowloris), and more that ask for the
 * network and never read it, do not stop another client being served; the dribbling ones are closed by the head
 * timeout.
 */
class SlowClientsTest {

    private static final int DRIBBLERS = 200;
    private static final int NON_READERS = 50;
    private static Javalin server;

    @BeforeAll
    static void start() throws Exception {
        server = TestStore.serveTiny();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void slowClientsDoNotStopOthersBeingServedAndDribblersAreClosed() throws Exception {
        List<Socket> dribblers = new ArrayList<>();
        List<Socket> nonReaders = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        try {
            for (int i = 0; i < DRIBBLERS; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                dribblers.add(s);
            }
            for (int i = 0; i < NON_READERS; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(1024);
                s.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
                s.getOutputStream().write(("GET /api/network?asOf=2014-03-01 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        + "GET /api/network?asOf=2014-03-01 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").repeat(20)
                        .getBytes(StandardCharsets.US_ASCII));
                nonReaders.add(s);
            }
            long opened = System.nanoTime();
            // A normal client is served while they dribble: every request answers, each well within the idle timeout.
            for (int round = 0; round < 10; round++) {
                for (Socket s : dribblers) {
                    dribble(s);
                }
                for (String path : List.of("/api/health", "/api/analysis/gaps?asOf=2014-03-01")) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + path))
                            .timeout(SlowClients.IDLE_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), path);
                }
                Thread.sleep(200);
            }
            // Keep dribbling until the head timeout has passed; every dribbler is then closed by the server.
            long deadline = opened + SlowClients.HEADER_TIMEOUT.plusSeconds(20).toNanos();
            int closed = 0;
            while (System.nanoTime() < deadline && closed < DRIBBLERS) {
                closed = 0;
                for (Socket s : dribblers) {
                    if (!dribble(s) || closedByServer(s)) {
                        closed++;
                    }
                }
                Thread.sleep(500);
            }
            assertEquals(DRIBBLERS, closed, "dribbling connections closed by the head timeout");
            assertTrue(System.nanoTime() - opened >= SlowClients.HEADER_TIMEOUT.toNanos() - 1_000_000_000L,
                    "not closed before the head timeout");
        } finally {
            for (Socket s : dribblers) {
                s.close();
            }
            for (Socket s : nonReaders) {
                s.close();
            }
        }
    }

    /** Sends one more byte of a header line; false when the connection is gone. */
    private static boolean dribble(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write('X');
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the server closed the connection (end of stream or reset), without waiting long. */
    private static boolean closedByServer(Socket s) {
        try {
            s.setSoTimeout(1);
            InputStream in = s.getInputStream();
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
