package io.github.sagemakerfake.server;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone server: {@code java -jar sagemaker-workforce-fake-server.jar --port 9324}.
 *
 * <p>Every setting comes from a flag or, failing that, an environment variable (the container's
 * way), else its default; see {@link #usage()}. Once the server accepts connections it prints
 * exactly one line to stdout, {@code SageMaker Workforce Fake listening on http://HOST:PORT}, which
 * scripts and the Testcontainers module wait for. Bad settings print a message to stderr and exit
 * with status 2. SIGTERM (or Ctrl-C) shuts the server down gracefully.
 *
 * <p>Touches no AWS SDK class: the server jar does not contain the SDK.
 */
public final class ServerMain {

    /** The port when none is given: the one the docs use in every example. */
    static final int DEFAULT_PORT = 9324;
    static final String LISTENING = "SageMaker Workforce Fake listening on ";

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Config config;
        try {
            config = Config.parse(args, System.getenv());
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
        if (Arrays.asList(args).contains(WARM_UP)) {
            WarmUp.run();
            return;
        }
        FakeEndpoint fake = new FakeEndpoint(config.settings());
        StateFile state = null;
        SageMakerWorkforceServer server;
        try {
            if (config.stateFile() != null) {
                state = StateFile.open(config.stateFile(), fake); // a corrupt file stops the start here
            }
            server = SageMakerWorkforceServer.start(fake, config.options());
        } catch (UncheckedIOException | IllegalArgumentException | StateFile.Unusable e) {
            System.err.println("sagemaker-workforce-fake: " + e.getMessage());
            System.exit(1);
            return;
        }
        StateFile saver = state;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (saver != null) {
                saver.close(); // the last save, after the last request
            }
            stopped.countDown();
        }, "sagemaker-fake-shutdown"));
        System.out.println(LISTENING + "http://" + hostForUrl(config.options().host()) + ":" + server.port());
        System.out.flush();
        System.err.println("Web console: http://" + hostForUrl(consoleHost(config.options().host())) + ":"
                + server.port() + Console.PATH + (config.options().strictAuth() == null ? ""
                : " (strict mode: sign in with the --strict-auth key pair)"));
        stopped.await(); // the server's threads are daemons: this thread keeps the JVM up
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

    /** A wildcard bind is reached on loopback from the machine itself. */
    private static String consoleHost(String host) {
        return "0.0.0.0".equals(host) ? "127.0.0.1" : "::".equals(host) || "[::]".equals(host) ? "::1" : host;
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    static String usage() {
        return String.join("\n",
                "SageMaker Workforce Fake " + SageMakerWorkforceServer.version()
                        + " - a fake of the SageMaker private workforce and work team API",
                "",
                "Usage: java -jar sagemaker-workforce-fake-server.jar [options]",
                "",
                "Options (each also read from the environment variable shown; a flag wins):",
                "  --host HOST                 address to bind (SAGEMAKER_FAKE_HOST, default 127.0.0.1;",
                "                              use 0.0.0.0 in a container)",
                "  --port PORT                 port to bind, 0 for a free one (SAGEMAKER_FAKE_PORT, default "
                        + DEFAULT_PORT + ")",
                "  --account ID                default account, 12 digits (SAGEMAKER_FAKE_ACCOUNT, default "
                        + FakeSettings.DEFAULT_ACCOUNT + ")",
                "  --region NAME               default region (SAGEMAKER_FAKE_REGION, default "
                        + FakeSettings.DEFAULT_REGION + ")",
                "  --max-workteams N           work teams per account and region (SAGEMAKER_FAKE_MAX_WORKTEAMS, "
                        + "default " + FakeLimits.SERVICE_MAX_WORKTEAMS + ")",
                "  --max-cidrs N               CIDRs in a workforce (SAGEMAKER_FAKE_MAX_CIDRS, default "
                        + FakeLimits.SERVICE_MAX_CIDRS + ")",
                "  --max-tags N                tags per resource (SAGEMAKER_FAKE_MAX_TAGS, default "
                        + FakeLimits.SERVICE_MAX_TAGS + ")",
                "  --max-account-regions N     account/region pairs holding state at once, else",
                "                              ResourceLimitExceeded (SAGEMAKER_FAKE_MAX_ACCOUNT_REGIONS, default "
                        + FakeLimits.DEFAULT_MAX_ACCOUNT_REGIONS + ")",
                "  --journal-max-bytes N       estimated heap size of the request journal; the oldest entries",
                "                              go first (SAGEMAKER_FAKE_JOURNAL_MAX_BYTES, default "
                        + FakeLimits.DEFAULT_JOURNAL_MAX_BYTES + ")",
                "  --lifecycle L               how long a workforce stays Initializing/Updating/Deleting",
                "                              (SAGEMAKER_FAKE_LIFECYCLE, default OBSERVED(1)): IMMEDIATE,",
                "                              OBSERVED(n) - until n reads have shown it - or TIMED(PT5M) on the",
                "                              fake clock",
                "  --provisioning-delay D      deprecated: D > 0 is --lifecycle TIMED(D), 0 is IMMEDIATE",
                "                              (SAGEMAKER_FAKE_PROVISIONING_DELAY)",
                "  --strict-auth KEY:SECRET    accept only SigV4 requests signed with this key pair",
                "                              (SAGEMAKER_FAKE_STRICT_AUTH, default: accept any request)",
                "  --state-file PATH           keep the state in this file: loaded at start, saved within a",
                "                              second of a change and on shutdown (SAGEMAKER_FAKE_STATE_FILE)",
                "  --max-body-bytes N          largest request body, else 413 (SAGEMAKER_FAKE_MAX_BODY_BYTES, default "
                        + ServerOptions.DEFAULT_MAX_BODY_BYTES + ")",
                "  --max-header-bytes N        largest request headers, else 431 (SAGEMAKER_FAKE_MAX_HEADER_BYTES,",
                "                              default " + ServerOptions.DEFAULT_MAX_HEADER_BYTES + ")",
                "  --max-connections N         connections open at once, else 503 (SAGEMAKER_FAKE_MAX_CONNECTIONS,",
                "                              default " + ServerOptions.DEFAULT_MAX_CONNECTIONS + ")",
                "  --header-timeout D          time to send a request's headers (SAGEMAKER_FAKE_HEADER_TIMEOUT,",
                "                              default " + ServerOptions.DEFAULT_HEADER_TIMEOUT + ")",
                "  --body-timeout D            time to send a request's body (SAGEMAKER_FAKE_BODY_TIMEOUT, default "
                        + ServerOptions.DEFAULT_BODY_TIMEOUT + ")",
                "  --idle-timeout D            time a connection may stay idle (SAGEMAKER_FAKE_IDLE_TIMEOUT, default "
                        + ServerOptions.DEFAULT_IDLE_TIMEOUT + ")",
                "  --request-timeout D         sets both --header-timeout and --body-timeout",
                "                              (SAGEMAKER_FAKE_REQUEST_TIMEOUT)",
                "  --shutdown-grace D          time to finish requests in progress on shutdown",
                "                              (SAGEMAKER_FAKE_SHUTDOWN_GRACE, default " + ServerOptions.DEFAULT_SHUTDOWN_GRACE
                        + ")",
                "  --threads N                 event-loop threads (SAGEMAKER_FAKE_THREADS, default "
                        + ServerOptions.DEFAULT_THREADS + ")",
                "                              Durations: ISO-8601 (PT10S) or milliseconds.",
                "  --warm-up                   start on a free loopback port, answer a few requests, stop and",
                "                              exit (the image build records the classes it loads)",
                "  --help                      print this help and exit",
                "",
                "Point any AWS client at it, e.g.:",
                "  AWS_ACCESS_KEY_ID=123456789012 AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=us-east-1 \\",
                "    aws --endpoint-url http://127.0.0.1:" + DEFAULT_PORT + " sagemaker list-workteams",
                "A 12-digit access key id selects the account; the admin API is under /_fake/ (docs/server.md).");
    }

    /**
     * Parsed settings.
     *
     * @param settings how the fake behaves
     * @param options  how the server listens
     * @param stateFile where the state is kept across restarts, or null for none
     * @param help     true when --help was asked for: print the usage and start nothing
     */
    record Config(FakeSettings settings, ServerOptions options, Path stateFile, boolean help) {

        /** The flags, then the environment variables they stand for. */
        private static final Map<String, String> FLAGS = new LinkedHashMap<>();

        static {
            FLAGS.put("--host", "SAGEMAKER_FAKE_HOST");
            FLAGS.put("--port", "SAGEMAKER_FAKE_PORT");
            FLAGS.put("--account", "SAGEMAKER_FAKE_ACCOUNT");
            FLAGS.put("--region", "SAGEMAKER_FAKE_REGION");
            FLAGS.put("--max-workteams", "SAGEMAKER_FAKE_MAX_WORKTEAMS");
            FLAGS.put("--max-cidrs", "SAGEMAKER_FAKE_MAX_CIDRS");
            FLAGS.put("--max-tags", "SAGEMAKER_FAKE_MAX_TAGS");
            FLAGS.put("--max-account-regions", "SAGEMAKER_FAKE_MAX_ACCOUNT_REGIONS");
            FLAGS.put("--journal-max-bytes", "SAGEMAKER_FAKE_JOURNAL_MAX_BYTES");
            FLAGS.put("--lifecycle", "SAGEMAKER_FAKE_LIFECYCLE");
            FLAGS.put("--provisioning-delay", "SAGEMAKER_FAKE_PROVISIONING_DELAY");
            FLAGS.put("--strict-auth", "SAGEMAKER_FAKE_STRICT_AUTH");
            FLAGS.put("--state-file", "SAGEMAKER_FAKE_STATE_FILE");
            FLAGS.put("--max-body-bytes", "SAGEMAKER_FAKE_MAX_BODY_BYTES");
            FLAGS.put("--max-header-bytes", "SAGEMAKER_FAKE_MAX_HEADER_BYTES");
            FLAGS.put("--max-connections", "SAGEMAKER_FAKE_MAX_CONNECTIONS");
            FLAGS.put("--request-timeout", "SAGEMAKER_FAKE_REQUEST_TIMEOUT");
            FLAGS.put("--header-timeout", "SAGEMAKER_FAKE_HEADER_TIMEOUT");
            FLAGS.put("--body-timeout", "SAGEMAKER_FAKE_BODY_TIMEOUT");
            FLAGS.put("--idle-timeout", "SAGEMAKER_FAKE_IDLE_TIMEOUT");
            FLAGS.put("--shutdown-grace", "SAGEMAKER_FAKE_SHUTDOWN_GRACE");
            FLAGS.put("--threads", "SAGEMAKER_FAKE_THREADS");
        }

        /**
         * Reads flags ({@code --port 9324} or {@code --port=9324}) over environment variables.
         *
         * @throws IllegalArgumentException with a message that says what is wrong and what is expected
         */
        static Config parse(String[] args, Map<String, String> env) {
            Map<String, String> values = new LinkedHashMap<>();
            FLAGS.forEach((flag, variable) -> {
                String value = env.get(variable);
                if (value != null && !value.isBlank()) {
                    values.put(flag, value.trim());
                }
            });
            Map<String, String> fromFlags = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals(WARM_UP)) {
                    continue; // handled by main
                }
                if (arg.equals("--help") || arg.equals("-h")) {
                    return new Config(FakeSettings.defaults(), ServerOptions.defaults(), null, true);
                }
                String flag = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    flag = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (!FLAGS.containsKey(flag)) {
                    throw new IllegalArgumentException("unknown option '" + arg + "'; the options are " + FLAGS.keySet()
                            + " and --help");
                }
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new IllegalArgumentException("option " + flag + " needs a value");
                    }
                    value = args[++i];
                }
                if (fromFlags.put(flag, value) != null) {
                    throw new IllegalArgumentException("option " + flag + " is given twice");
                }
            }
            values.putAll(fromFlags);
            return build(values, fromFlags.keySet());
        }

        @SuppressWarnings("deprecation")
        private static Config build(Map<String, String> values, Set<String> givenAsFlags) {
            if (values.containsKey("--lifecycle") && values.containsKey("--provisioning-delay")) {
                throw new IllegalArgumentException(describe("--lifecycle", givenAsFlags) + " and "
                        + describe("--provisioning-delay", givenAsFlags) + " both set the lifecycle; keep only "
                        + "--lifecycle (a delay D is TIMED(D))");
            }
            FakeSettings settings = FakeSettings.defaults();
            ServerOptions options = ServerOptions.defaults().withPort(DEFAULT_PORT);
            FakeLimits limits = settings.limits();
            Path stateFile = null;
            for (Map.Entry<String, String> e : values.entrySet()) {
                String flag = e.getKey();
                String value = e.getValue();
                String source = describe(flag, givenAsFlags);
                try {
                    switch (flag) {
                        case "--host" -> options = options.withHost(value);
                        case "--port" -> options = options.withPort(integer(value));
                        case "--account" -> settings = settings.withDefaultAccount(value);
                        case "--region" -> settings = settings.withDefaultRegion(value);
                        case "--max-workteams" -> limits = limits.withMaxWorkteams(integer(value));
                        case "--max-cidrs" -> limits = limits.withMaxCidrs(integer(value));
                        case "--max-tags" -> limits = limits.withMaxTagsPerResource(integer(value));
                        case "--max-account-regions" -> limits = limits.withMaxAccountRegions(integer(value));
                        case "--journal-max-bytes" -> limits = limits.withJournalMaxBytes(longValue(value));
                        case "--lifecycle" -> settings = settings.withLifecycle(Lifecycle.parse(value));
                        case "--provisioning-delay" -> settings = settings.withProvisioningDelay(duration(value));
                        case "--strict-auth" ->
                                options = options.withStrictAuth(ServerOptions.Credentials.parse(value));
                        case "--state-file" -> stateFile = stateFile(value);
                        case "--max-body-bytes" -> options = options.withMaxBodyBytes(integer(value));
                        case "--max-header-bytes" -> options = options.withMaxHeaderBytes(integer(value));
                        case "--max-connections" -> options = options.withMaxConnections(integer(value));
                        case "--request-timeout" -> options = options.withRequestTimeout(duration(value));
                        case "--header-timeout" -> options = options.withHeaderTimeout(duration(value));
                        case "--body-timeout" -> options = options.withBodyTimeout(duration(value));
                        case "--idle-timeout" -> options = options.withIdleTimeout(duration(value));
                        case "--shutdown-grace" -> options = options.withShutdownGrace(duration(value));
                        case "--threads" -> options = options.withThreads(integer(value));
                        default -> throw new IllegalStateException(flag);
                    }
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
                }
            }
            return new Config(settings.withLimits(limits), options, stateFile, false);
        }

        private static Path stateFile(String value) {
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a file path: '" + value + "'");
            }
        }

        private static String describe(String flag, Set<String> givenAsFlags) {
            return givenAsFlags.contains(flag) ? flag : FLAGS.get(flag) + " (environment)";
        }

        private static int integer(String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number, got '" + value + "'");
            }
        }

        private static long longValue(String value) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number, got '" + value + "'");
            }
        }

        /** ISO-8601 ({@code PT5S}) or a number of milliseconds. */
        static Duration duration(String value) {
            String v = value.trim();
            if (v.matches("[0-9]+")) {
                return Duration.ofMillis(Long.parseLong(v));
            }
            try {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expected an ISO-8601 duration such as PT5S or a number of "
                        + "milliseconds, got '" + value + "'");
            }
        }
    }
}
