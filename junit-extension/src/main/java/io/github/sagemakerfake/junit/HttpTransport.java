package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Serves one fake over HTTP on a free loopback port. */
final class HttpTransport {

    /** A running server and the fake behind it; closing stops the server. */
    record Served(URI endpoint, FakeControl control, AutoCloseable server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private HttpTransport() {
    }

    static Served serve(FakeSettings settings) {
        throw new ExtensionConfigurationException("transport = HTTP is not available yet: the embedded server has "
                + "not landed. Use transport = IN_PROCESS.");
    }
}
