package io.github.sagemakerfake.server;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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
        SageMakerWorkforceServer server;
        try {
            server = SageMakerWorkforceServer.start(new FakeEndpoint(config.settings()), config.options());
        } catch (UncheckedIOException | IllegalArgumentException e) {
            System.err.println("sagemaker-workforce-fake: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sagemaker-fake-shutdown"));
        System.out.println(LISTENING + "http://" + hostForUrl(config.options().host()) + ":" + server.port());
        System.out.flush();
        stopped.await(); // the server's threads are daemons: this thread keeps the JVM up
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
                "  --lifecycle L               how long a workforce stays Initializing/Updating/Deleting",
                "                              (SAGEMAKER_FAKE_LIFECYCLE, default OBSERVED(1)): IMMEDIATE,",
                "                              OBSERVED(n) - until n reads have shown it - or TIMED(PT5M) on the",
                "                              fake clock",
                "  --provisioning-delay D      deprecated: D > 0 is --lifecycle TIMED(D), 0 is IMMEDIATE",
                "                              (SAGEMAKER_FAKE_PROVISIONING_DELAY)",
                "  --strict-auth KEY:SECRET    accept only SigV4 requests signed with this key pair",
                "                              (SAGEMAKER_FAKE_STRICT_AUTH, default: accept any request)",
                "  --max-body-bytes N          largest request body (SAGEMAKER_FAKE_MAX_BODY_BYTES, default "
                        + ServerOptions.DEFAULT_MAX_BODY_BYTES + ")",
                "  --request-timeout D         time a client has to send a request, ISO-8601 or milliseconds",
                "                              (SAGEMAKER_FAKE_REQUEST_TIMEOUT, default PT10S)",
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
     * @param help     true when --help was asked for: print the usage and start nothing
     */
    record Config(FakeSettings settings, ServerOptions options, boolean help) {

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
            FLAGS.put("--lifecycle", "SAGEMAKER_FAKE_LIFECYCLE");
            FLAGS.put("--provisioning-delay", "SAGEMAKER_FAKE_PROVISIONING_DELAY");
            FLAGS.put("--strict-auth", "SAGEMAKER_FAKE_STRICT_AUTH");
            FLAGS.put("--max-body-bytes", "SAGEMAKER_FAKE_MAX_BODY_BYTES");
            FLAGS.put("--request-timeout", "SAGEMAKER_FAKE_REQUEST_TIMEOUT");
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
                if (arg.equals("--help") || arg.equals("-h")) {
                    return new Config(FakeSettings.defaults(), ServerOptions.defaults(), true);
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
                        case "--lifecycle" -> settings = settings.withLifecycle(Lifecycle.parse(value));
                        case "--provisioning-delay" -> settings = settings.withProvisioningDelay(duration(value));
                        case "--strict-auth" ->
                                options = options.withStrictAuth(ServerOptions.Credentials.parse(value));
                        case "--max-body-bytes" -> options = options.withMaxBodyBytes(integer(value));
                        case "--request-timeout" -> options = options.withRequestTimeout(duration(value));
                        default -> throw new IllegalStateException(flag);
                    }
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
                }
            }
            return new Config(settings.withLimits(limits), options, false);
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
