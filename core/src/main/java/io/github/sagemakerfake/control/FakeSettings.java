package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.text.AwsNames;
import java.time.Duration;
import java.util.Objects;

/**
 * How one fake behaves: where unconfigured clients land, its limits, how a workforce goes through
 * its transitional statuses, and its clock. Immutable; {@link #defaults()} gives the service's
 * behaviour.
 *
 * @param defaultAccount  the account of requests whose access key id is not 12 digits
 * @param defaultRegion   the region of requests that carry no SigV4 credential scope
 * @param limits          the service limits enforced
 * @param lifecycle       how long a workforce stays Initializing, Updating or Deleting; default
 *                        {@link Lifecycle#defaultLifecycle() OBSERVED(1)}
 * @param clock           the clock every timestamp and timed status transition reads
 * @param journalCapacity how many requests the journal keeps (the oldest are dropped)
 * @param idSeed          null for random identifiers (the default), else the seed that makes SubDomains,
 *                        VpcEndpointIds and request ids the same on every run (docs/seeding.md)
 */
public record FakeSettings(String defaultAccount, String defaultRegion, FakeLimits limits,
                           Lifecycle lifecycle, FakeClock clock, int journalCapacity, Long idSeed) {

    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final int DEFAULT_JOURNAL_CAPACITY = 10_000;

    public FakeSettings {
        requireAccount(defaultAccount);
        requireRegion(defaultRegion);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(clock, "clock");
        if (journalCapacity < 1) {
            throw new IllegalArgumentException("journalCapacity must be at least 1, got " + journalCapacity);
        }
    }

    /** Settings with random identifiers (no id seed). */
    public FakeSettings(String defaultAccount, String defaultRegion, FakeLimits limits,
                        Lifecycle lifecycle, FakeClock clock, int journalCapacity) {
        this(defaultAccount, defaultRegion, limits, lifecycle, clock, journalCapacity, null);
    }

    /**
     * The settings of the first releases' record, with a provisioning delay instead of a lifecycle.
     *
     * @deprecated use the canonical constructor with a {@link Lifecycle}; a zero delay is
     *             {@link Lifecycle#immediate()}, any other {@link Lifecycle#timed(Duration)}
     */
    @Deprecated
    public FakeSettings(String defaultAccount, String defaultRegion, FakeLimits limits,
                        Duration provisioningDelay, FakeClock clock, int journalCapacity) {
        this(defaultAccount, defaultRegion, limits, lifecycleFor(provisioningDelay), clock, journalCapacity);
    }

    public static FakeSettings defaults() {
        return new FakeSettings(DEFAULT_ACCOUNT, DEFAULT_REGION, FakeLimits.service(), Lifecycle.defaultLifecycle(),
                FakeClock.system(), DEFAULT_JOURNAL_CAPACITY);
    }

    public FakeSettings withDefaultAccount(String account) {
        return new FakeSettings(account, defaultRegion, limits, lifecycle, clock, journalCapacity, idSeed);
    }

    public FakeSettings withDefaultRegion(String region) {
        return new FakeSettings(defaultAccount, region, limits, lifecycle, clock, journalCapacity, idSeed);
    }

    public FakeSettings withLimits(FakeLimits value) {
        return new FakeSettings(defaultAccount, defaultRegion, value, lifecycle, clock, journalCapacity, idSeed);
    }

    public FakeSettings withLifecycle(Lifecycle value) {
        return new FakeSettings(defaultAccount, defaultRegion, limits, value, clock, journalCapacity, idSeed);
    }

    /**
     * The first releases' setting, kept as an alias: a zero delay is {@link Lifecycle#immediate()}, any
     * other is {@link Lifecycle#timed(Duration)}.
     *
     * @deprecated use {@link #withLifecycle(Lifecycle)}
     */
    @Deprecated
    public FakeSettings withProvisioningDelay(Duration value) {
        return withLifecycle(lifecycleFor(value));
    }

    /**
     * The first releases' reading: the duration of a {@code TIMED} lifecycle, else zero.
     *
     * @deprecated use {@link #lifecycle()}
     */
    @Deprecated
    public Duration provisioningDelay() {
        return lifecycle.duration();
    }

    private static Lifecycle lifecycleFor(Duration provisioningDelay) {
        Objects.requireNonNull(provisioningDelay, "provisioningDelay");
        if (provisioningDelay.isNegative()) {
            throw new IllegalArgumentException("provisioningDelay must not be negative, got " + provisioningDelay);
        }
        return provisioningDelay.isZero() ? Lifecycle.immediate() : Lifecycle.timed(provisioningDelay);
    }

    public FakeSettings withClock(FakeClock value) {
        return new FakeSettings(defaultAccount, defaultRegion, limits, lifecycle, value, journalCapacity, idSeed);
    }

    public FakeSettings withJournalCapacity(int value) {
        return new FakeSettings(defaultAccount, defaultRegion, limits, lifecycle, clock, value, idSeed);
    }

    /**
     * Makes generated identifiers repeatable: with the same seed, the same calls give the same
     * SubDomains, VpcEndpointIds and request ids on every run (docs/seeding.md). Null: random again.
     */
    public FakeSettings withIdSeed(Long value) {
        return new FakeSettings(defaultAccount, defaultRegion, limits, lifecycle, clock, journalCapacity, value);
    }

    /** Throws a message that says what a valid account id looks like. */
    public static String requireAccount(String account) {
        if (account == null || !AwsNames.isAccountId(account)) {
            throw new IllegalArgumentException("An AWS account id is 12 digits, such as 123456789012; got '"
                    + account + "'");
        }
        return account;
    }

    /** Throws a message that says what a valid region name looks like. */
    public static String requireRegion(String region) {
        if (region == null || !AwsNames.isRegionName(region)) {
            throw new IllegalArgumentException("A region name looks like us-east-1 or eu-west-2; got '" + region + "'");
        }
        return region;
    }
}
