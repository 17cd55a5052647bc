package io.github.sagemakerfake.testcontainers;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;

/**
 * Whether this machine can run the fake's container, decided within seconds, with the setting that
 * fixes it when not. Testcontainers on its own can hang for minutes where a Docker engine exists but
 * is unusable to it (a socket that never answers; inside a container, a host-address lookup that
 * pulls an image from a registry that cannot be reached), or report only "not available".
 *
 * <p>Use it in a test condition: {@code DockerPreflight.check().ifPresent(reason -> ...skip or fail...)}.
 * The answer is computed once per JVM.
 */
public final class DockerPreflight {

    /** How long the engine may take to answer its ping. */
    static final Duration PING_TIMEOUT = Duration.ofSeconds(3);
    /** How long a missing base image may take to be pulled before we say it cannot be. */
    static final Duration PULL_TIMEOUT = Duration.ofSeconds(60);

    private static volatile Optional<Problem> result;

    private DockerPreflight() {
    }

    /** Why the fake's container cannot run here, or empty when it can. */
    public static Optional<Problem> check() {
        Optional<Problem> r = result;
        if (r == null) {
            synchronized (DockerPreflight.class) {
                if (result == null) {
                    result = Optional.ofNullable(problem(dockerHost()));
                }
                r = result;
            }
        }
        return r;
    }

    /**
     * A reason the container cannot run.
     *
     * @param noEngine true when there is no Docker engine at all (a test may skip), false when an
     *                 engine exists but is unusable as configured (a setting fixes it)
     * @param message  what is wrong and the setting that fixes it
     */
    public record Problem(boolean noEngine, String message) {
    }

    /** The check against this Docker host (a DOCKER_HOST value); null when the container can run. */
    static Problem problem(String host) {
        URI uri = URI.create(host);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Ping ping;
        String socketPath = uri.getPath();
        switch (scheme) {
            case "unix" -> {
                if (!new File(socketPath).exists()) {
                    return new Problem(true, "No Docker engine: " + host + " does not exist. Start a Docker engine, "
                            + "or point DOCKER_HOST at one.");
                }
                ping = ping(() -> unixGet(socketPath, "/_ping"), host);
            }
            case "tcp", "http" -> ping = ping(() -> tcpGet(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort(), "/_ping"), host);
            default -> {
                return null;    // npipe, https and the like: leave it to Testcontainers
            }
        }
        if (ping.problem != null) {
            return ping.problem;
        }

        // Before Testcontainers' own client: building it resolves the host address, which is the hang.
        if (scheme.equals("unix") && new File("/.dockerenv").exists() && isBlank(System.getenv("TESTCONTAINERS_HOST_OVERRIDE"))
                && !bridgeHasGateway(socketPath)) {
            return new Problem(false, "This JVM runs inside a container (/.dockerenv) whose Docker bridge network has no "
                    + "gateway, so Testcontainers would look up the host's address by starting a helper container, "
                    + "which hangs without a registry. Set TESTCONTAINERS_HOST_OVERRIDE to the address where the "
                    + "containers' ports answer (localhost when the Docker engine runs in this same container).");
        }

        if (!DockerClientFactory.instance().isDockerAvailable()) {
            String requested = System.getProperty("api.version");
            return new Problem(false, "A Docker engine answers at " + host + " (Docker API " + ping.apiVersion
                    + "), but Testcontainers cannot use it"
                    + (requested == null
                        ? ". If it is older than the API version Testcontainers asks for by default, pass the engine's: "
                        + "the system property api.version=" + ping.apiVersion + " (this project's build: export "
                        + "DOCKER_API_VERSION=" + ping.apiVersion + ")."
                        : " with api.version=" + requested + " (the engine speaks at most " + ping.apiVersion
                        + "). See Testcontainers' log for the reason."));
        }

        String base = SageMakerWorkforceImage.baseImage();
        if (!imagePresentOrPulled(base)) {
            return new Problem(false, "The base image " + base + " is not in the Docker engine and could not be pulled "
                    + "within " + PULL_TIMEOUT.toSeconds() + " s (no registry?). Build the registry-free one with "
                    + "docker/base-image/make-base-image.sh and set " + SageMakerWorkforceImage.BASE_IMAGE_ENV
                    + "=sagemaker-workforce-fake-base:17 (see docs/container.md).");
        }
        return null;
    }

    static String dockerHost() {
        String fromEnv = System.getenv("DOCKER_HOST");
        if (!isBlank(fromEnv)) {
            return fromEnv;
        }
        String fromProperty = System.getProperty("docker.host");
        return isBlank(fromProperty) ? "unix:///var/run/docker.sock" : fromProperty;
    }

    private record Ping(String apiVersion, Problem problem) {
    }

    private interface Exchange {
        String run() throws IOException;
    }

    /** GET /_ping on the engine, bounded by {@link #PING_TIMEOUT}; the engine's API version from its answer. */
    private static Ping ping(Exchange exchange, String host) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread pinger = new Thread(() -> {
            try {
                answer.complete(exchange.run());
            } catch (IOException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, "docker-preflight-ping");
        pinger.setDaemon(true);
        pinger.start();
        String response;
        try {
            response = answer.get(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pinger.interrupt();
            return new Ping(null, new Problem(false, "The Docker engine at " + host + " accepts connections but did not "
                    + "answer a ping within " + PING_TIMEOUT.toSeconds() + " s. Start a working engine there, or point "
                    + "DOCKER_HOST at one."));
        } catch (ExecutionException e) {
            return new Ping(null, new Problem(true, "No Docker engine answers at " + host + " ("
                    + e.getCause().getMessage() + "). Start a Docker engine, or point DOCKER_HOST at one."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ping(null, new Problem(false, "Interrupted while pinging the Docker engine at " + host));
        }
        if (!response.startsWith("HTTP/1.") || !response.contains("OK")) {
            String firstLine = response.lines().findFirst().orElse("").strip();
            return new Ping(null, new Problem(false, "What answers at " + host + " is not a Docker engine (its answer "
                    + "to GET /_ping: \"" + (firstLine.length() > 80 ? firstLine.substring(0, 80) : firstLine)
                    + "\"). Point DOCKER_HOST at a Docker engine."));
        }
        String version = response.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("api-version:"))
                .map(line -> line.substring("api-version:".length()).strip())
                .findFirst().orElse("unknown");
        return new Ping(version, null);
    }

    private static final int MAX_RESPONSE = 1 << 20;

    private static byte[] request(String path) {
        return ("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String unixGet(String socketPath, String path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socketPath))) {
            channel.write(ByteBuffer.wrap(request(path)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (out.size() < MAX_RESPONSE && channel.read(buffer) > 0) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String tcpGet(String host, int port, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) PING_TIMEOUT.toMillis());
            socket.setSoTimeout((int) PING_TIMEOUT.toMillis());
            socket.getOutputStream().write(request(path));
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(MAX_RESPONSE), StandardCharsets.ISO_8859_1);
        }
    }

    private static final Pattern GATEWAY = Pattern.compile("\"Gateway\"\\s*:\\s*\"[^\"]+\"");

    /** Whether the engine's bridge network names a gateway (then Testcontainers takes it as the host). */
    private static boolean bridgeHasGateway(String socketPath) {
        try {
            return GATEWAY.matcher(unixGet(socketPath, "/networks/bridge")).find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean imagePresentOrPulled(String image) {
        var client = DockerClientFactory.instance().client();
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException notHere) {
            try {
                return client.pullImageCmd(image).start().awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException pullFailed) {
                return false;
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
