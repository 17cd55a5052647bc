package io.github.sagemakerfake.server;

import com.sun.net.httpserver.HttpExchange;
import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * Acts out a connection reset: SO_LINGER 0 and close, so the client's TCP stack sees an RST.
 *
 * <p>{@link HttpExchange} does not expose its socket, so this reaches it through the JDK's
 * implementation classes. That works only where {@code jdk.httpserver/sun.net.httpserver} is open
 * to this code: the server jar's manifest opens it ({@code Add-Opens}), and so does
 * {@code --add-opens jdk.httpserver/sun.net.httpserver=ALL-UNNAMED}. Elsewhere (a server started
 * in a test JVM) the caller falls back to closing without a response, which the client sees as
 * the connection ending with no reply; both are I/O errors the SDK retries.
 */
final class ConnectionAbort {

    private static final Field IMPL;
    private static final Field CONNECTION;
    private static final Field CHANNEL;

    static {
        Field impl = null;
        Field connection = null;
        Field channel = null;
        try {
            impl = Class.forName("sun.net.httpserver.HttpExchangeImpl").getDeclaredField("impl");
            connection = Class.forName("sun.net.httpserver.ExchangeImpl").getDeclaredField("connection");
            channel = Class.forName("sun.net.httpserver.HttpConnection").getDeclaredField("chan");
            impl.setAccessible(true);
            connection.setAccessible(true);
            channel.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            impl = null; // not open to us, or another JDK's layout: fall back
        }
        IMPL = impl;
        CONNECTION = connection;
        CHANNEL = channel;
    }

    private ConnectionAbort() {
    }

    /** True when the connection was reset; false when the caller must fall back. */
    static boolean reset(HttpExchange exchange) {
        if (IMPL == null || !IMPL.getDeclaringClass().isInstance(exchange)) {
            return false;
        }
        try {
            Object impl = IMPL.get(exchange);
            Object connection = CONNECTION.get(impl);
            SocketChannel channel = (SocketChannel) CHANNEL.get(connection);
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            channel.close();
            return true;
        } catch (ReflectiveOperationException | java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
