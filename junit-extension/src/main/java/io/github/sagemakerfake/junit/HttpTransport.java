package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.server.SageMakerWorkforceServer;
import io.github.sagemakerfake.server.ServerOptions;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Serves one fake over HTTP on its own loopback port (a free one unless a port is set). One server per fake, not one per JVM:
 * the fake's settings (limits, clock, delay), journal, fault rules and reset are all per fake, and
 * connection-level faults need a socket of their own; the server starts in milliseconds.
 */
final class HttpTransport {

    /** A running server and the fake behind it; closing stops the server. */
    record Served(URI endpoint, FakeControl control, SageMakerWorkforceServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    private HttpTransport() {
    }

    /** Serves a new fake with these settings on {@code port} (0: a free one). */
    static Served serve(FakeSettings settings, int port) {
        SageMakerWorkforceServer server;
        try {
            server = SageMakerWorkforceServer.start(settings, ServerOptions.defaults().withPort(port));
        } catch (UncheckedIOException e) {
            throw new ExtensionConfigurationException("transport = HTTP could not start the fake's server on "
                    + "127.0.0.1" + (port == 0 ? "" : ":" + port) + ": " + e.getMessage()
                    + (port == 0 ? ". Is loopback networking available to the tests?"
                            : ". With a fixed port, only one fake can be served at a time: do tests of this class "
                            + "run in parallel, or does another process hold the port? Use port 0 (a free port) "
                            + "and hand the code under test the injected @SageMakerEndpoint URI."), e);
        }
        return new Served(server.endpoint(), server.control(), server);
    }
}
