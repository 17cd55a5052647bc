package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.github.sagemakerfake.server.SageMakerWorkforceServer;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Serves one fake over HTTP on its own free loopback port. One server per fake, not one per JVM:
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

    static Served serve(FakeSettings settings) {
        FakeEndpoint fake = new FakeEndpoint(settings);
        SageMakerWorkforceServer server;
        try {
            server = SageMakerWorkforceServer.start(fake);
        } catch (UncheckedIOException e) {
            throw new ExtensionConfigurationException("transport = HTTP could not start the fake's server on "
                    + "127.0.0.1: " + e.getMessage() + ". Is loopback networking available to the tests?", e);
        }
        return new Served(server.endpoint(), fake, server);
    }
}
