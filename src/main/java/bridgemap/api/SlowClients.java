package bridgemap.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The listening connector, with the limits that keep slow clients from holding the server (issue 20): a connection
 * with nothing sent or received for {@link #IDLE_TIMEOUT} is closed (a client that stops reading its answer, or sends
 * nothing more), and one that has not finished sending its first request's head within {@link #HEADER_TIMEOUT} is
 * closed too (slowloris: a head sent a byte at a time resets the idle timeout forever). Waiting for a head takes no
 * thread (Jetty reads heads without blocking), so such clients cost a socket each until they are closed.
 */
final class SlowClients {

    /** Nothing sent or received for this long closes the connection (an answer being written included). */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** A connection's first request head must be complete within this long of the connection opening. */
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);

    private SlowClients() {}

    /** A connector on {@code host}:{@code port} with the timeouts above. */
    static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.addBean(new HeaderDeadline(connector));
        return connector;
    }

    /** Closes a connection whose first request head is not complete {@link #HEADER_TIMEOUT} after it opened. */
    private record HeaderDeadline(ServerConnector connector) implements Connection.Listener {

        @Override
        public void onOpened(Connection connection) {
            Scheduler scheduler = connector.getScheduler();
            scheduler.schedule(() -> {
                if (connection.getEndPoint().isOpen() && connection.getMessagesIn() == 0) {
                    connection.getEndPoint().close();
                }
            }, HEADER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void onClosed(Connection connection) {
        }
    }
}
