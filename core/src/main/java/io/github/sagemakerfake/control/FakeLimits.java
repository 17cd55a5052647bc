package io.github.sagemakerfake.control;

/**
 * The service limits one fake enforces. {@link #service()} gives SageMaker's own values; a test
 * that wants to hit a limit quickly lowers one, e.g. {@code FakeLimits.service().withMaxWorkteams(3)}.
 *
 * @param maxWorkteams       work teams per account and region (SageMaker: 25)
 * @param maxCidrs           CIDRs in a workforce's SourceIpConfig (SageMaker: 10)
 * @param maxTagsPerResource tags on one resource (SageMaker: 50)
 * @param maxAccountRegions  distinct (account, region) pairs that hold state at once (the fake's own
 *                           limit, default 1,000, so a long-lived server cannot be grown without end;
 *                           a request that would add one more answers ResourceLimitExceeded)
 * @param journalMaxBytes    the estimated heap size of the request journal (the fake's own limit,
 *                           default 32 MiB): past it the oldest entries are dropped, as past
 *                           {@link FakeSettings#journalCapacity()} entries
 */
public record FakeLimits(int maxWorkteams, int maxCidrs, int maxTagsPerResource, int maxAccountRegions,
                         long journalMaxBytes) {

    public static final int SERVICE_MAX_WORKTEAMS = 25;
    public static final int SERVICE_MAX_CIDRS = 10;
    public static final int SERVICE_MAX_TAGS = 50;
    public static final int DEFAULT_MAX_ACCOUNT_REGIONS = 1_000;
    public static final long DEFAULT_JOURNAL_MAX_BYTES = 32L * 1024 * 1024;

    public FakeLimits {
        requirePositive("maxWorkteams", maxWorkteams);
        requirePositive("maxCidrs", maxCidrs);
        requirePositive("maxTagsPerResource", maxTagsPerResource);
        requirePositive("maxAccountRegions", maxAccountRegions);
        if (journalMaxBytes < 64 * 1024) {
            throw new IllegalArgumentException("journalMaxBytes must be at least 65536 (64 KiB), got " + journalMaxBytes);
        }
    }

    /** The limits of SageMaker's three limits, with this project's other limits at their defaults. */
    public FakeLimits(int maxWorkteams, int maxCidrs, int maxTagsPerResource) {
        this(maxWorkteams, maxCidrs, maxTagsPerResource, DEFAULT_MAX_ACCOUNT_REGIONS, DEFAULT_JOURNAL_MAX_BYTES);
    }

    /** SageMaker's documented limits. */
    public static FakeLimits service() {
        return new FakeLimits(SERVICE_MAX_WORKTEAMS, SERVICE_MAX_CIDRS, SERVICE_MAX_TAGS, DEFAULT_MAX_ACCOUNT_REGIONS,
                DEFAULT_JOURNAL_MAX_BYTES);
    }

    public FakeLimits withMaxWorkteams(int value) {
        return new FakeLimits(value, maxCidrs, maxTagsPerResource, maxAccountRegions, journalMaxBytes);
    }

    public FakeLimits withMaxCidrs(int value) {
        return new FakeLimits(maxWorkteams, value, maxTagsPerResource, maxAccountRegions, journalMaxBytes);
    }

    public FakeLimits withMaxTagsPerResource(int value) {
        return new FakeLimits(maxWorkteams, maxCidrs, value, maxAccountRegions, journalMaxBytes);
    }

    public FakeLimits withMaxAccountRegions(int value) {
        return new FakeLimits(maxWorkteams, maxCidrs, maxTagsPerResource, value, journalMaxBytes);
    }

    public FakeLimits withJournalMaxBytes(long value) {
        return new FakeLimits(maxWorkteams, maxCidrs, maxTagsPerResource, maxAccountRegions, value);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
