package bridgemap.store;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.Connector;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.connection.listener.ConnectionListener;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;
import org.neo4j.common.DependencyResolver;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.api.net.NetworkConnectionTracker;
import org.neo4j.kernel.api.net.TrackedNetworkConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded engine's Bolt connector lets in. Neo4j 5.26 has no setting to turn Bolt over WebSocket off: its
 * connector treats a first packet starting {@code GET } as an HTTP request, answers discovery requests and upgrades
 * to WebSocket whatever the {@code Origin}, so any web page the operator opens can reach it (issue 13). The gate sits
 * first in every new connection's pipeline and closes, before Neo4j reads a byte:
 * <ul>
 *   <li>every connection opened while the gate is shut, that is while the engine starts and its password is set;</li>
 *   <li>an HTTP request (WebSocket upgrade or discovery) unless {@code webSocket} is allowed
 *       ({@code serve --bolt-port … --bolt-websocket}, for Neo4j Browser);</li>
 *   <li>anything else that does not begin with the Bolt preamble.</li>
 * </ul>
 * It relies on Neo4j's internal connector API (a {@link ConnectorListener} on the {@link BoltServer}'s connectors), so
 * {@code ExposedBoltTest} and {@code EmbeddedBoltTest} send the WebSocket upgrade and fail if a newer Neo4j lets it
 * through. Authentication is on whatever the gate does.
 */
final class BoltGate implements ConnectorListener {

    private static final Logger LOG = LoggerFactory.getLogger(BoltGate.class);

    /** The four bytes every Bolt client sends first. */
    private static final int BOLT_PREAMBLE = 0x6060B017;
    /** {@code "GET "} in ASCII: an HTTP request, the start of a WebSocket upgrade. */
    private static final int HTTP_GET = 0x47455420;

    private final boolean webSocket;
    private volatile boolean open;

    private BoltGate(boolean webSocket) {
        this.webSocket = webSocket;
    }

    /**
     * Puts a shut gate in front of every Bolt connector of the engine behind {@code dependencies}, and closes the
     * connections accepted before it was there (while the engine started, with whatever password the store had).
     */
    static BoltGate install(DependencyResolver dependencies, boolean webSocket) {
        BoltGate gate = new BoltGate(webSocket);
        List<Connector> connectors = dependencies.resolveDependency(BoltServer.class).getConnectors();
        if (connectors.isEmpty()) {
            throw new IllegalStateException("Embedded Neo4j started without a Bolt connector");
        }
        for (Connector connector : connectors) {
            connector.registerListener(gate);
        }
        for (TrackedNetworkConnection early : dependencies.resolveDependency(NetworkConnectionTracker.class)
                .activeConnections()) {
            early.close();
        }
        return gate;
    }

    /** Lets Bolt clients in from now on (they still have to authenticate). */
    void open() {
        open = true;
    }

    @Override
    public void onConnectionCreated(Connection connection) {
        boolean admitted = open;
        connection.modifyPipeline(pipeline -> pipeline.addFirst("bridgemap-bolt-gate", new FirstBytes(admitted)));
        if (admitted) {
            connection.registerListener(new RefusedLogins(connection));
        }
    }

    /**
     * Says on Bridgemap's own log (standard error) when a Bolt login is refused, with the client's address: Neo4j
     * Community writes nothing to its {@code security.log} and only a bare line without address or user to its
     * {@code debug.log}.
     */
    private static final class RefusedLogins implements ConnectionListener {
        private final Connection connection;

        RefusedLogins(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void onResponseFailed(org.neo4j.bolt.protocol.common.message.Error error) {
            Status status = error.status();
            if (status == Status.Security.Unauthorized || status == Status.Security.AuthenticationRateLimit) {
                LOG.warn("Bolt login refused for the client at {} ({})", connection.clientAddress(),
                        status.code().serialize());
            }
        }
    }

    /** Reads the connection's first four bytes, then closes it or steps out of the way. */
    private final class FirstBytes extends ByteToMessageDecoder {
        private final boolean admitted;

        FirstBytes(boolean admitted) {
            this.admitted = admitted;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            if (!admitted) {
                ctx.close();
                return;
            }
            super.channelActive(ctx);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            if (!admitted) {
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            if (in.readableBytes() < 4) {
                return;
            }
            int first = in.getInt(in.readerIndex());
            if (first == BOLT_PREAMBLE || (first == HTTP_GET && webSocket)) {
                // Removing a decoder hands the bytes read so far to the next handler, Neo4j's own.
                ctx.pipeline().remove(this);
            } else {
                in.skipBytes(in.readableBytes());
                ctx.close();
            }
        }
    }
}
