package io.github.sagemakerfake.internal.remote;

/**
 * The admin API's paths (docs/server.md, "Admin API"): the server routes by them and
 * {@link io.github.sagemakerfake.admin.RemoteFakeControl} calls them, so they are written once.
 */
public final class AdminPaths {

    /** Every admin path starts here; AWS operations are {@code POST /}. */
    public static final String PREFIX = "/_fake";
    public static final String HEALTH = PREFIX + "/health";
    public static final String RESET = PREFIX + "/reset";
    public static final String STATE = PREFIX + "/state";
    public static final String REQUESTS = PREFIX + "/requests";
    public static final String FAULTS = PREFIX + "/faults";
    public static final String SEED = PREFIX + "/seed";
    public static final String CLOCK = PREFIX + "/clock";
    /** {@code POST}: ends every transitional status that is due to end (the console's button). */
    public static final String SETTLE = PREFIX + "/settle";
    /** The web console's page. */
    public static final String UI = PREFIX + "/ui";
    /** {@code GET}: the state document; {@code POST}: restores one (docs/server.md, "State file"). */
    public static final String SNAPSHOT = PREFIX + "/snapshot";
    /** Named snapshots kept on the server: {@code SNAPSHOTS}, {@code SNAPSHOTS/{name}}, {@code SNAPSHOTS/{name}/restore}. */
    public static final String SNAPSHOTS = PREFIX + "/snapshots";
    /** {@code POST <this>/<name>}: what a labeling job's workers do (docs/labeling.md). */
    public static final String LABELING_JOBS = PREFIX + "/labeling-jobs";
    /** Stubs of operations the fake does not serve (docs/stubbing.md). */
    public static final String STUBS = PREFIX + "/stubs";

    /** IAM (docs/iam.md): {@code PUT|DELETE} the every-caller policy. */
    public static final String IAM_POLICY = PREFIX + "/iam/policy";
    /** {@code GET|DELETE} all policies; {@code PUT|DELETE .../{accessKeyId}} one key's. */
    public static final String IAM_POLICIES = PREFIX + "/iam/policies";
    /** {@code GET ?account=&region=}: the least-privilege policy the journal's calls needed. */
    public static final String IAM_REQUIRED_POLICY = PREFIX + "/iam/required-policy";

    /** The query parameters that pick one account and region (reset, state, required policy). */
    public static final String ACCOUNT = "account";
    public static final String REGION = "region";

    private AdminPaths() {
    }
}
