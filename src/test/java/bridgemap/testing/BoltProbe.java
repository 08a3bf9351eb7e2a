package bridgemap.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** What an attacker sends to a Bolt port by hand (issue 13). */
public final class BoltProbe {

    private BoltProbe() {}

    /**
     * Sends the WebSocket upgrade a web page on {@code http://attacker.example} would make its browser send to
     * {@code host}:{@code port}, and returns what came back before the server closed the connection or 3 s passed:
     * {@code HTTP/1.1 101 Switching Protocols} if the upgrade was accepted.
     */
    public static String webSocketUpgrade(String host, int port) throws IOException {
        String request = "GET / HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Origin: http://attacker.example\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 3000);
            socket.setSoTimeout(3000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException stillOpenOrReset) {
                // What was read so far is the answer.
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
