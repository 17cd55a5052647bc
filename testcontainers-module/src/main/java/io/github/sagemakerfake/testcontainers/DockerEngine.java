package io.github.sagemakerfake.testcontainers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The few Docker Engine API requests the preflight needs, sent over the engine's socket with the
 * JDK alone and each bounded in time. Deliberately not Testcontainers' client: building that one
 * resolves the host address (a helper container inside a container), and its first use starts
 * Ryuk, both of which can hang for minutes without a registry (docs/container.md).
 */
final class DockerEngine {

    /** An engine answer: the HTTP status, the header block (lower case) and the body. */
    record Answer(int status, String headers, String body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** A header's value, or null. */
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.lines().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).findFirst().orElse(null);
        }
    }

    /** No byte from the engine for this long: the request is abandoned. */
    static final class Stalled extends IOException {
        Stalled(Duration after) {
            super("no answer for " + after.toSeconds() + " s");
        }
    }

    /** What is kept of an answer: its beginning (status, headers, a small body) and its end (a pull's outcome). */
    private static final int KEPT_HEAD = 64 << 10;
    private static final int KEPT_TAIL = 64 << 10;

    /**
     * An answer read to its end (closing early would cancel a pull), keeping its beginning and its
     * last bytes: a pull streams one progress line per layer update, and its outcome comes last.
     */
    private static final class Capture {
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private byte[] tail = new byte[0];

        void write(byte[] bytes, int offset, int length) {
            int toHead = Math.min(length, KEPT_HEAD - head.size());
            if (toHead > 0) {
                head.write(bytes, offset, toHead);
                offset += toHead;
                length -= toHead;
            }
            if (length > 0) {
                int keep = Math.min(KEPT_TAIL, tail.length + length);
                byte[] next = new byte[keep];
                int fromOld = keep - Math.min(length, keep);
                System.arraycopy(tail, tail.length - fromOld, next, 0, fromOld);
                System.arraycopy(bytes, offset + length - (keep - fromOld), next, fromOld, keep - fromOld);
                tail = next;
            }
        }

        byte[] bytes() {
            byte[] h = head.toByteArray();
            byte[] all = new byte[h.length + tail.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(tail, 0, all, h.length, tail.length);
            return all;
        }
    }

    private final String host;
    private final boolean unix;
    private final String socketPath;
    private final String tcpHost;
    private final int tcpPort;

    private DockerEngine(String host, boolean unix, String socketPath, String tcpHost, int tcpPort) {
        this.host = host;
        this.unix = unix;
        this.socketPath = socketPath;
        this.tcpHost = tcpHost;
        this.tcpPort = tcpPort;
    }

    /** The engine at a DOCKER_HOST value, or null for a scheme the JDK cannot speak (npipe, TLS). */
    static DockerEngine at(String host) {
        URI uri = URI.create(host);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "unix" -> new DockerEngine(host, true, uri.getPath(), null, 0);
            case "tcp", "http" -> new DockerEngine(host, false, null, uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort());
            default -> null;
        };
    }

    String host() {
        return host;
    }

    boolean isUnix() {
        return unix;
    }

    String socketPath() {
        return socketPath;
    }

    /** GET, abandoned when the engine sends nothing for {@code stall}. */
    Answer get(String path, Duration stall) throws IOException {
        return exchange("GET", path, stall);
    }

    /** POST without a body, abandoned when the engine sends nothing for {@code stall}. */
    Answer post(String path, Duration stall) throws IOException {
        return exchange("POST", path, stall);
    }

    /** {@code GET /images/<name>/json}: whether the engine has the image. */
    boolean hasImage(String image, Duration stall) throws IOException {
        return get("/images/" + image + "/json", stall).ok();
    }

    /**
     * Pulls an image; null when it arrived, else why not. A pull that keeps sending progress may
     * take as long as it needs; one that sends nothing for {@code stall} (a registry that cannot be
     * reached) is abandoned, and the engine cancels it when the connection closes.
     */
    String pull(String repository, String tag, Duration stall) {
        try {
            Answer answer = post("/images/create?fromImage=" + URLEncoder.encode(repository, StandardCharsets.UTF_8)
                    + "&tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8), stall);
            if (!answer.ok()) {
                return message(answer.body());
            }
            int error = answer.body().indexOf("\"error");
            return error < 0 ? null : message(answer.body().substring(error));
        } catch (Stalled e) {
            return "the pull sent no progress for " + stall.toSeconds() + " s (no registry reachable?)";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** The {@code message} (or {@code error}) of an engine's JSON answer, else the answer itself, shortened. */
    static String message(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\"(?:message|error)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
        String text = m.find() ? m.group(1).replace("\\\"", "\"") : body.strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private Answer exchange(String method, String path, Duration stall) throws IOException {
        byte[] request = (method + " " + path + " HTTP/1.0\r\nHost: docker\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        AutoCloseable[] connection = new AutoCloseable[1];
        Thread reader = new Thread(() -> {
            try {
                answer.complete(unix ? unixExchange(request, lastProgress, connection)
                        : tcpExchange(request, lastProgress, connection, stall));
            } catch (IOException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, "sagemaker-fake-docker-preflight");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                try {
                    return parse(answer.get(100, TimeUnit.MILLISECONDS));
                } catch (TimeoutException notYet) {
                    if (System.nanoTime() - lastProgress.get() > stall.toNanos()) {
                        close(connection);
                        reader.interrupt();
                        throw new Stalled(stall);
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(connection);
            throw new IOException("interrupted");
        }
    }

    private static void close(AutoCloseable[] connection) {
        synchronized (connection) {
            if (connection[0] != null) {
                try {
                    connection[0].close();
                } catch (Exception ignored) {
                    // closing is all we want
                }
            }
        }
    }

    private byte[] unixExchange(byte[] request, AtomicLong progress, AutoCloseable[] connection) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socketPath))) {
            synchronized (connection) {
                connection[0] = channel;
            }
            channel.write(ByteBuffer.wrap(request));
            Capture out = new Capture();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                progress.set(System.nanoTime());
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return out.bytes();
        }
    }

    private byte[] tcpExchange(byte[] request, AtomicLong progress, AutoCloseable[] connection, Duration stall)
            throws IOException {
        try (Socket socket = new Socket()) {
            synchronized (connection) {
                connection[0] = socket;
            }
            socket.connect(new InetSocketAddress(tcpHost, tcpPort), (int) Math.min(Integer.MAX_VALUE, stall.toMillis()));
            socket.getOutputStream().write(request);
            InputStream in = socket.getInputStream();
            Capture out = new Capture();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                progress.set(System.nanoTime());
                out.write(buffer, 0, n);
            }
            return out.bytes();
        }
    }

    /** Status line and body of an HTTP/1.0 answer (the engine closes the connection, no chunking). */
    static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.")) {
            String firstLine = text.lines().findFirst().orElse("").strip();
            throw new NotHttp(firstLine.length() > 80 ? firstLine.substring(0, 80) : firstLine);
        }
        int space = text.indexOf(' ');
        int status;
        try {
            status = Integer.parseInt(text.substring(space + 1, space + 4));
        } catch (RuntimeException e) {
            throw new NotHttp(text.lines().findFirst().orElse(""));
        }
        int bodyStart = text.indexOf("\r\n\r\n");
        String headers = bodyStart < 0 ? text : text.substring(0, bodyStart);
        String body = bodyStart < 0 ? "" : new String(raw, bodyStart + 4, raw.length - bodyStart - 4, StandardCharsets.UTF_8);
        return new Answer(status, headers.toLowerCase(Locale.ROOT), body);
    }

    /** What answered is not HTTP, so not a Docker engine. */
    static final class NotHttp extends IOException {
        NotHttp(String firstLine) {
            super(firstLine);
        }
    }
}
