package io.github.sagemakerfake.control;

/**
 * The service limits one fake enforces. {@link #service()} gives SageMaker's own values; a test
 * that wants to hit a limit quickly lowers one, e.g. {@code FakeLimits.service().withMaxWorkteams(3)}.
 *
 * @param maxWorkteams       work teams per account and region (SageMaker: 25)
 * @param maxCidrs           CIDRs in a workforce's SourceIpConfig (SageMaker: 10)
 * @param maxTagsPerResource tags on one resource (SageMaker: 50)
 */
public record FakeLimits(int maxWorkteams, int maxCidrs, int maxTagsPerResource) {

    public static final int SERVICE_MAX_WORKTEAMS = 25;
    public static final int SERVICE_MAX_CIDRS = 10;
    public static final int SERVICE_MAX_TAGS = 50;

    public FakeLimits {
        requirePositive("maxWorkteams", maxWorkteams);
        requirePositive("maxCidrs", maxCidrs);
        requirePositive("maxTagsPerResource", maxTagsPerResource);
    }

    /** SageMaker's documented limits. */
    public static FakeLimits service() {
        return new FakeLimits(SERVICE_MAX_WORKTEAMS, SERVICE_MAX_CIDRS, SERVICE_MAX_TAGS);
    }

    public FakeLimits withMaxWorkteams(int value) {
        return new FakeLimits(value, maxCidrs, maxTagsPerResource);
    }

    public FakeLimits withMaxCidrs(int value) {
        return new FakeLimits(maxWorkteams, value, maxTagsPerResource);
    }

    public FakeLimits withMaxTagsPerResource(int value) {
        return new FakeLimits(maxWorkteams, maxCidrs, value);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
