package io.github.sagemakerfake.server;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.remote.ServerOption;
import io.github.sagemakerfake.internal.text.Durations;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The standalone server's settings, read from flags ({@code --port 9324} or {@code --port=9324})
 * over environment variables over defaults. The options themselves (flag, variable, help) are
 * described once, in {@link ServerOption}; here each gets what it sets and how its default reads
 * ({@link #binding}), which also makes the usage text.
 *
 * @param settings  how the fake behaves
 * @param options   how the server listens
 * @param stateFile where the state is kept across restarts, or null for none
 * @param help      true when --help was asked for: print the usage and start nothing
 * @param iamPolicy the identity policy enforced for every caller (--iam-policy), or null
 */
record ServerConfig(FakeSettings settings, ServerOptions options, Path stateFile, boolean help,
                    IamPolicyFile iamPolicy) {

    /** A policy file, read and checked with the options (a policy the fake cannot use stops the start). */
    record IamPolicyFile(Path path, String json) {

        static IamPolicyFile read(String value) {
            Path path = ServerConfig.path(value);
            String json;
            try {
                json = java.nio.file.Files.readString(path);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read the policy file '" + value + "': " + e);
            }
            io.github.sagemakerfake.internal.iam.Policy.parse(json, path.toString());
            return new IamPolicyFile(path, json);
        }
    }

    /** The port when none is given: the one the docs use in every example. */
    static final int DEFAULT_PORT = 9324;

    /** What the server starts with before any option: the defaults the usage text shows. */
    static ServerConfig defaults() {
        return new ServerConfig(FakeSettings.defaults(), ServerOptions.defaults().withPort(DEFAULT_PORT), null, false,
                null);
    }

    /**
     * What one option sets, and how the value it starts from reads in the usage (null: no default
     * worth showing).
     */
    private record Binding(BiConsumer<Draft, String> apply, Function<ServerConfig, Object> shownDefault) {
    }

    /** The settings while options apply to them one after another. */
    private static final class Draft {
        FakeSettings settings;
        FakeLimits limits;
        ServerOptions options;
        Path stateFile;
        IamPolicyFile iamPolicy;

        Draft(ServerConfig start) {
            settings = start.settings();
            limits = start.settings().limits();
            options = start.options();
            stateFile = start.stateFile();
            iamPolicy = start.iamPolicy();
        }

        ServerConfig done() {
            return new ServerConfig(settings.withLimits(limits), options, stateFile, false, iamPolicy);
        }
    }

    @SuppressWarnings("deprecation")
    private static Binding binding(ServerOption option) {
        return switch (option) {
            case HOST -> new Binding((d, v) -> d.options = d.options.withHost(v), c -> c.options().host());
            case PORT -> new Binding((d, v) -> d.options = d.options.withPort(integer(v)), c -> c.options().port());
            case ACCOUNT -> new Binding((d, v) -> d.settings = d.settings.withDefaultAccount(v),
                    c -> c.settings().defaultAccount());
            case REGION -> new Binding((d, v) -> d.settings = d.settings.withDefaultRegion(v),
                    c -> c.settings().defaultRegion());
            case MAX_WORKTEAMS -> new Binding((d, v) -> d.limits = d.limits.withMaxWorkteams(integer(v)),
                    c -> c.settings().limits().maxWorkteams());
            case MAX_CIDRS -> new Binding((d, v) -> d.limits = d.limits.withMaxCidrs(integer(v)),
                    c -> c.settings().limits().maxCidrs());
            case MAX_TAGS -> new Binding((d, v) -> d.limits = d.limits.withMaxTagsPerResource(integer(v)),
                    c -> c.settings().limits().maxTagsPerResource());
            case MAX_ACCOUNT_REGIONS -> new Binding((d, v) -> d.limits = d.limits.withMaxAccountRegions(integer(v)),
                    c -> c.settings().limits().maxAccountRegions());
            case JOURNAL_MAX_BYTES -> new Binding((d, v) -> d.limits = d.limits.withJournalMaxBytes(longValue(v)),
                    c -> c.settings().limits().journalMaxBytes());
            case LIFECYCLE -> new Binding((d, v) -> d.settings = d.settings.withLifecycle(Lifecycle.parse(v)),
                    c -> c.settings().lifecycle());
            case PROVISIONING_DELAY -> new Binding(
                    (d, v) -> d.settings = d.settings.withProvisioningDelay(Durations.parse(v)), c -> null);
            case STRICT_AUTH -> new Binding(
                    (d, v) -> d.options = d.options.withStrictAuth(ServerOptions.Credentials.parse(v)), c -> null);
            case STATE_FILE -> new Binding((d, v) -> d.stateFile = path(v), c -> null);
            case IAM_POLICY -> new Binding((d, v) -> d.iamPolicy = IamPolicyFile.read(v), c -> null);
            case MAX_BODY_BYTES -> new Binding((d, v) -> d.options = d.options.withMaxBodyBytes(integer(v)),
                    c -> c.options().maxBodyBytes());
            case MAX_HEADER_BYTES -> new Binding((d, v) -> d.options = d.options.withMaxHeaderBytes(integer(v)),
                    c -> c.options().maxHeaderBytes());
            case MAX_CONNECTIONS -> new Binding((d, v) -> d.options = d.options.withMaxConnections(integer(v)),
                    c -> c.options().maxConnections());
            case REQUEST_TIMEOUT -> new Binding(
                    (d, v) -> d.options = d.options.withRequestTimeout(Durations.parse(v)), c -> null);
            case HEADER_TIMEOUT -> new Binding(
                    (d, v) -> d.options = d.options.withHeaderTimeout(Durations.parse(v)),
                    c -> c.options().headerTimeout());
            case BODY_TIMEOUT -> new Binding((d, v) -> d.options = d.options.withBodyTimeout(Durations.parse(v)),
                    c -> c.options().bodyTimeout());
            case IDLE_TIMEOUT -> new Binding((d, v) -> d.options = d.options.withIdleTimeout(Durations.parse(v)),
                    c -> c.options().idleTimeout());
            case SHUTDOWN_GRACE -> new Binding(
                    (d, v) -> d.options = d.options.withShutdownGrace(Durations.parse(v)),
                    c -> c.options().shutdownGrace());
            case THREADS -> new Binding((d, v) -> d.options = d.options.withThreads(integer(v)),
                    c -> c.options().threads());
        };
    }

    /**
     * Reads flags over environment variables over defaults.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and what is expected
     */
    static ServerConfig parse(String[] args, Map<String, String> env) {
        Map<ServerOption, String> values = new LinkedHashMap<>();
        for (ServerOption option : ServerOption.values()) {
            String value = env.get(option.environmentVariable());
            if (value != null && !value.isBlank()) {
                values.put(option, value.trim());
            }
        }
        Map<ServerOption, String> fromFlags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(ServerMain.WARM_UP)) {
                continue; // handled by main
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return new ServerConfig(FakeSettings.defaults(), ServerOptions.defaults(), null, true, null);
            }
            int eq = arg.indexOf('=');
            String flag = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            ServerOption option = ServerOption.ofFlag(flag).orElseThrow(() -> new IllegalArgumentException(
                    "unknown option '" + arg + "'; the options are " + flags() + " and --help"));
            String value;
            if (flag.length() < arg.length()) {
                value = arg.substring(eq + 1);
            } else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("option " + flag + " needs a value");
            } else {
                value = args[++i];
            }
            if (fromFlags.put(option, value) != null) {
                throw new IllegalArgumentException("option " + flag + " is given twice");
            }
        }
        values.putAll(fromFlags);
        return build(values, fromFlags.keySet());
    }

    private static ServerConfig build(Map<ServerOption, String> values, Set<ServerOption> givenAsFlags) {
        if (values.containsKey(ServerOption.LIFECYCLE) && values.containsKey(ServerOption.PROVISIONING_DELAY)) {
            throw new IllegalArgumentException(source(ServerOption.LIFECYCLE, givenAsFlags) + " and "
                    + source(ServerOption.PROVISIONING_DELAY, givenAsFlags) + " both set the lifecycle; keep only "
                    + "--lifecycle (a delay D is TIMED(D))");
        }
        Draft draft = new Draft(defaults());
        for (ServerOption option : ServerOption.values()) { // in the enum's order: a refinement after the general
            String value = values.get(option);
            if (value == null) {
                continue;
            }
            try {
                binding(option).apply().accept(draft, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source(option, givenAsFlags) + ": " + e.getMessage(), e);
            }
        }
        return draft.done();
    }

    /** The options part of the usage text: each option's flag, help, variable and default. */
    static String optionsUsage() {
        ServerConfig defaults = defaults();
        StringBuilder out = new StringBuilder();
        for (ServerOption option : ServerOption.values()) {
            Object shown = binding(option).shownDefault().apply(defaults);
            String head = "  " + option.flag() + " " + option.placeholder();
            // The variable and its default stay on one line (a no-break space until printed).
            String text = option.help() + " (" + option.environmentVariable()
                    + (shown == null ? "" : ",\u00a0default\u00a0" + shown) + ")";
            out.append(head).append(" ".repeat(Math.max(1, HELP_COLUMN - head.length())));
            int column = HELP_COLUMN;
            for (String word : text.split(" ")) {
                if (column > HELP_COLUMN && column + 1 + word.length() > LINE_WIDTH) {
                    out.append('\n').append(" ".repeat(HELP_COLUMN));
                    column = HELP_COLUMN;
                } else if (column > HELP_COLUMN) {
                    out.append(' ');
                    column++;
                }
                out.append(word.replace('\u00a0', ' '));
                column += word.length();
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static final int HELP_COLUMN = 30;
    private static final int LINE_WIDTH = 100;

    private static String flags() {
        StringBuilder out = new StringBuilder("[");
        for (ServerOption option : ServerOption.values()) {
            out.append(out.length() > 1 ? ", " : "").append(option.flag());
        }
        return out.append(']').toString();
    }

    private static String source(ServerOption option, Set<ServerOption> givenAsFlags) {
        return givenAsFlags.contains(option) ? option.flag() : option.environmentVariable() + " (environment)";
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a file path: '" + value + "'");
        }
    }

    private static int integer(String value) {
        long n = longValue(value);
        if (n != (int) n) {
            throw new IllegalArgumentException("expected a whole number up to " + Integer.MAX_VALUE + ", got '"
                    + value + "'");
        }
        return (int) n;
    }

    private static long longValue(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got '" + value + "'");
        }
    }
}
