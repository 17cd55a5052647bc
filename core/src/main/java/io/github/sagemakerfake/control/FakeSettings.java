package io.github.sagemakerfake.control;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one fake behaves: where unconfigured clients land, its limits, how long a workforce takes to
 * become Active, and its clock. Immutable; {@link #defaults()} gives the service's behaviour.
 *
 * @param defaultAccount    the account of requests whose access key id is not 12 digits
 * @param defaultRegion     the region of requests that carry no SigV4 credential scope
 * @param limits            the service limits enforced
 * @param provisioningDelay how long a workforce stays Initializing, Updating or Deleting; zero
 *                          (the default) makes every change take effect at once
 * @param clock             the clock every timestamp and status transition reads
 * @param journalCapacity   how many requests the journal keeps (the oldest are dropped)
 */
public record FakeSettings(String defaultAccount, String defaultRegion, FakeLimits limits,
                           Duration provisioningDelay, FakeClock clock, int journalCapacity) {

    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final int DEFAULT_JOURNAL_CAPACITY = 10_000;

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

    public FakeSettings {
        requireAccount(defaultAccount);
        requireRegion(defaultRegion);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(provisioningDelay, "provisioningDelay");
        Objects.requireNonNull(clock, "clock");
        if (provisioningDelay.isNegative()) {
            throw new IllegalArgumentException("provisioningDelay must not be negative, got " + provisioningDelay);
        }
        if (journalCapacity < 1) {
            throw new IllegalArgumentException("journalCapacity must be at least 1, got " + journalCapacity);
        }
    }

    public static FakeSettings defaults() {
        return new FakeSettings(DEFAULT_ACCOUNT, DEFAULT_REGION, FakeLimits.service(), Duration.ZERO,
                FakeClock.system(), DEFAULT_JOURNAL_CAPACITY);
    }

    public FakeSettings withDefaultAccount(String account) {
        return new FakeSettings(account, defaultRegion, limits, provisioningDelay, clock, journalCapacity);
    }

    public FakeSettings withDefaultRegion(String region) {
        return new FakeSettings(defaultAccount, region, limits, provisioningDelay, clock, journalCapacity);
    }

    public FakeSettings withLimits(FakeLimits value) {
        return new FakeSettings(defaultAccount, defaultRegion, value, provisioningDelay, clock, journalCapacity);
    }

    public FakeSettings withProvisioningDelay(Duration value) {
        return new FakeSettings(defaultAccount, defaultRegion, limits, value, clock, journalCapacity);
    }

    public FakeSettings withClock(FakeClock value) {
        return new FakeSettings(defaultAccount, defaultRegion, limits, provisioningDelay, value, journalCapacity);
    }

    public FakeSettings withJournalCapacity(int value) {
        return new FakeSettings(defaultAccount, defaultRegion, limits, provisioningDelay, clock, value);
    }

    /** Throws a message that says what a valid account id looks like. */
    public static String requireAccount(String account) {
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("An AWS account id is 12 digits, such as 123456789012; got '"
                    + account + "'");
        }
        return account;
    }

    /** Throws a message that says what a valid region name looks like. */
    public static String requireRegion(String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("A region name looks like us-east-1 or eu-west-2; got '" + region + "'");
        }
        return region;
    }
}
