package io.github.sagemakerfake.internal.remote;

import java.util.Locale;
import java.util.Optional;

/**
 * Every option of the standalone server, described once: its flag ({@code --max-workteams}), the
 * environment variable that stands for it ({@code SAGEMAKER_FAKE_MAX_WORKTEAMS}, derived from the
 * constant's name), the placeholder and the help text of the usage. The server's command line
 * reads and explains them from here; the Testcontainers module sets a container's options through
 * {@link #environmentVariable()}. Adding an option is a constant here and one case in the
 * server's {@code ServerConfig} (the compiler asks for it); docs/server.md lists them.
 *
 * <p>The order is the order settings apply in: a later one refines an earlier one (the header and
 * body timeouts after the request timeout that sets both).
 */
public enum ServerOption {

    HOST("HOST", "address to bind; use 0.0.0.0 in a container"),
    PORT("PORT", "port to bind, 0 for a free one"),
    ACCOUNT("ID", "default account, 12 digits"),
    REGION("NAME", "default region"),
    MAX_WORKTEAMS("N", "work teams per account and region"),
    MAX_CIDRS("N", "CIDRs in a workforce"),
    MAX_TAGS("N", "tags per resource"),
    MAX_ACCOUNT_REGIONS("N", "account/region pairs holding state at once, else ResourceLimitExceeded"),
    JOURNAL_MAX_BYTES("N", "estimated heap size of the request journal; the oldest entries go first"),
    LIFECYCLE("L", "how long a workforce stays Initializing/Updating/Deleting: IMMEDIATE, OBSERVED(n) - until n "
            + "reads have shown it - or TIMED(PT5M) on the fake clock"),
    PROVISIONING_DELAY("D", "deprecated: D > 0 is --lifecycle TIMED(D), 0 is IMMEDIATE"),
    STRICT_AUTH("KEY:SECRET", "accept only SigV4 requests signed with this key pair (default: accept any request)"),
    IAM_POLICY("FILE", "enforce this IAM identity policy (JSON) for every caller; denied calls answer "
            + "AccessDeniedException (docs/iam.md); per access key: PUT /_fake/iam/policies/{key}"),
    STATE_FILE("PATH", "keep the state in this file: loaded at start, saved within a second of a change and on "
            + "shutdown"),
    MAX_BODY_BYTES("N", "largest request body, else 413"),
    MAX_HEADER_BYTES("N", "largest request headers, else 431"),
    MAX_CONNECTIONS("N", "connections open at once, else 503"),
    REQUEST_TIMEOUT("D", "sets both --header-timeout and --body-timeout"),
    HEADER_TIMEOUT("D", "time to send a request's headers"),
    BODY_TIMEOUT("D", "time to send a request's body"),
    IDLE_TIMEOUT("D", "time a connection may stay idle"),
    SHUTDOWN_GRACE("D", "time to finish requests in progress on shutdown"),
    THREADS("N", "event-loop threads");

    /** Every environment variable of an option starts with this. */
    public static final String ENVIRONMENT_PREFIX = "SAGEMAKER_FAKE_";

    private final String placeholder;
    private final String help;

    ServerOption(String placeholder, String help) {
        this.placeholder = placeholder;
        this.help = help;
    }

    /** The command-line flag, e.g. {@code --max-workteams}. */
    public String flag() {
        return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The environment variable read when the flag is not given, e.g. {@code SAGEMAKER_FAKE_MAX_WORKTEAMS}. */
    public String environmentVariable() {
        return ENVIRONMENT_PREFIX + name();
    }

    /** What the value is in the usage text, e.g. {@code N} or {@code KEY:SECRET}. */
    public String placeholder() {
        return placeholder;
    }

    /** One line of help, without the default. */
    public String help() {
        return help;
    }

    /** The option of a flag, if it is one. */
    public static Optional<ServerOption> ofFlag(String flag) {
        for (ServerOption option : values()) {
            if (option.flag().equals(flag)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }
}
