package io.github.sagemakerfake.server;

import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.netty.util.ResourceLeakDetector;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/**
 * The standalone server: {@code java -jar sagemaker-workforce-fake-server.jar --port 9324}.
 *
 * <p>Every setting comes from a flag or, failing that, an environment variable (the container's
 * way), else its default; see {@link #usage()}. Once the server accepts connections it prints
 * exactly one line to stdout, {@code SageMaker Workforce Fake listening on http://HOST:PORT}, which
 * scripts and the Testcontainers module wait for. Bad settings print a message to stderr and exit
 * with status 2. SIGTERM (or Ctrl-C) shuts the server down gracefully.
 *
 * <p>Touches no AWS SDK class unless --iam-policy is given: the server jar holds no SageMaker SDK, only
 * the few SDK modules of the policy reader (docs/iam.md), loaded with a policy.
 */
public final class ServerMain {

    /** The port when none is given: the one the docs use in every example. */
    static final int DEFAULT_PORT = ServerConfig.DEFAULT_PORT;
    static final String LISTENING = "SageMaker Workforce Fake listening on ";

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerConfig config;
        try {
            config = ServerConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("sagemaker-workforce-fake: " + e.getMessage());
            System.err.println("Run with --help to list the options.");
            System.exit(2);
            return;
        }
        if (config.help()) {
            System.out.println(usage());
            return;
        }
        quietNettyWithoutUnsafe();
        noLeakSamplingUnlessAsked(System::getProperty);
        boolean warmUp = Arrays.asList(args).contains(WARM_UP);
        if (warmUp) {
            // the real start, on a free loopback port: the image build records the classes it loads
            config = new ServerConfig(config.settings(), config.options().withHost("127.0.0.1").withPort(0),
                    null, false, config.iamPolicy(), config.stateSync());
        }
        Running running = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "sagemaker-fake-shutdown");
        if (warmUp) {
            WarmUp.exercise(running.server());
            shutdown.run(); // the path SIGTERM takes, on this thread
            return;
        }
        Runtime.getRuntime().addShutdownHook(shutdown);
        System.out.println(LISTENING + "http://" + hostForUrl(config.options().host()) + ":" + running.server().port());
        System.out.flush();
        System.err.println("Web console: http://" + hostForUrl(consoleHost(config.options().host())) + ":"
                + running.server().port() + Console.PATH + (config.options().strictAuth() == null ? ""
                : " (strict mode: sign in with the --strict-auth key pair)"));
        stopped.await(); // the server's threads are daemons: this thread keeps the JVM up
    }

    /** A started server and its state file (null without one). */
    private record Running(SageMakerWorkforceServer server, StateFile state) {

        /** Stops the server, then makes the last save, after the last request. */
        void close() {
            server.close();
            if (state != null) {
                state.close();
            }
        }
    }

    /** Builds the fake and serves it; a setting the start cannot use prints why and exits with status 1. */
    private static Running start(ServerConfig config) {
        FakeEndpoint fake = new FakeEndpoint(config.settings());
        if (config.iamPolicy() != null) {
            fake.iamPolicies().setForEveryone(config.iamPolicy().json(), config.iamPolicy().path().toString());
        }
        StateFile state = null;
        try {
            if (config.stateFile() != null) {
                // a corrupt, read-only or locked file stops the start here
                state = StateFile.open(config.stateFile(), fake, config.stateSync());
            }
            SageMakerWorkforceServer server = SageMakerWorkforceServer.start(fake, config.options(), state,
                    state == null ? null : state.path().resolveSibling(state.path().getFileName() + ".snapshots"));
            return new Running(server, state);
        } catch (UncheckedIOException | IllegalArgumentException | StateFile.Unusable e) {
            if (state != null) {
                state.close();
            }
            System.err.println("sagemaker-workforce-fake: " + e.getMessage());
            System.exit(1);
            throw new IllegalStateException("unreachable", e);
        }
    }

    /** Used when building the image: see {@link WarmUp}. */
    static final String WARM_UP = "--warm-up";

    /**
     * A trimmed runtime without {@code jdk.unsupported} has no {@code sun.misc.Unsafe}; Netty then
     * uses heap buffers, which suits this server, but says so on every start unless told.
     */
    private static void quietNettyWithoutUnsafe() {
        if (System.getProperty("io.netty.noUnsafe") != null) {
            return;
        }
        try {
            Class.forName("sun.misc.Unsafe");
        } catch (ClassNotFoundException e) {
            System.setProperty("io.netty.noUnsafe", "true");
        }
    }

    /** Netty's own name for its leak detector's level (relocated with Netty in the server jar). */
    static final String LEAK_DETECTION_LEVEL = "io.netty.leakDetection.level";

    /**
     * The standalone server owns its JVM, so it turns Netty's buffer-leak sampling off unless the
     * command line sets a level: at Netty's default level one buffer in 128 records a stack trace and
     * wraps the buffer, which made the server compile its buffer code again well into a steady load
     * (docs/benchmarks.md, "The server's tail in its steady state"). A server started inside a
     * test's JVM ({@link SageMakerWorkforceServer#start}) leaves that JVM's setting alone.
     */
    static void noLeakSamplingUnlessAsked(UnaryOperator<String> systemProperty) {
        // the second name is the older one Netty still reads
        if (systemProperty.apply(LEAK_DETECTION_LEVEL) == null
                && systemProperty.apply("io.netty.leakDetectionLevel") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    /** A wildcard bind is reached on loopback from the machine itself. */
    private static String consoleHost(String host) {
        return "0.0.0.0".equals(host) ? "127.0.0.1" : "::".equals(host) || "[::]".equals(host) ? "::1" : host;
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    static String usage() {
        return "SageMaker Workforce Fake " + SageMakerWorkforceServer.version()
                + " - a fake of the SageMaker private workforce and work team API\n"
                + "\n"
                + "Usage: java -jar sagemaker-workforce-fake-server.jar [options]\n"
                + "\n"
                + "Options (each also read from the environment variable shown; a flag wins):\n"
                + ServerConfig.optionsUsage()
                + "                              Durations: ISO-8601 (PT10S) or milliseconds.\n"
                + "  --warm-up                   start as the other options say, but on a free loopback port and\n"
                + "                              without the state file; answer a few requests, stop and exit\n"
                + "                              (the image build records the classes it loads)\n"
                + "  --help                      print this help and exit\n"
                + "\n"
                + "Point any AWS client at it, e.g.:\n"
                + "  AWS_ACCESS_KEY_ID=123456789012 AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=us-east-1 \\\n"
                + "    aws --endpoint-url http://127.0.0.1:" + DEFAULT_PORT + " sagemaker list-workteams\n"
                + "A 12-digit access key id selects the account; the admin API is under /_fake/ (docs/server.md).";
    }
}
