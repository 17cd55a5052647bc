package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.JsonNumbers;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake's clock. Every timestamp the fake returns (CreateDate, LastUpdatedDate) and every
 * status transition (a workforce going from {@code Initializing} to {@code Active}) is read from
 * it, so a test moves time forward with {@link #advance(Duration)} instead of sleeping.
 *
 * <p>{@link #system()} follows the wall clock plus whatever the test advanced it by;
 * {@link #startingAt(Instant)} stands still until advanced. Thread-safe.
 */
public final class FakeClock {

    /**
     * How far the clock can be moved ahead in total: 200 years, so every instant it shows stays a
     * valid timestamp on the wire and the offset never overflows.
     */
    public static final Duration MAX_TOTAL_ADVANCE = Duration.ofDays(200L * 365);

    private final Instant fixedBase; // null: follow the system clock
    private final AtomicLong offsetNanos = new AtomicLong();

    private FakeClock(Instant fixedBase) {
        this.fixedBase = fixedBase;
    }

    /** A clock that follows the wall clock; {@link #advance(Duration)} shifts it forward. */
    public static FakeClock system() {
        return new FakeClock(null);
    }

    /** A clock that stands still at {@code start} until advanced. */
    public static FakeClock startingAt(Instant start) {
        return new FakeClock(Objects.requireNonNull(start, "start"));
    }

    public Instant now() {
        Instant base = fixedBase != null ? fixedBase : Instant.now();
        return base.plusNanos(offsetNanos.get());
    }

    /**
     * Moves the clock forward; a negative duration is rejected, time never runs backwards, and the
     * clock moves at most {@link #MAX_TOTAL_ADVANCE} ahead in total.
     *
     * @throws IllegalArgumentException for a negative duration, or one that would move the clock
     *                                  past {@link #MAX_TOTAL_ADVANCE}; the clock is then unchanged
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The fake clock only moves forward; got " + duration);
        }
        long max = MAX_TOTAL_ADVANCE.toNanos();
        while (true) {
            long current = offsetNanos.get();
            if (duration.compareTo(Duration.ofNanos(max - current)) > 0) {
                throw new IllegalArgumentException("The fake clock moves at most " + MAX_TOTAL_ADVANCE.toDays()
                        + " days (" + MAX_TOTAL_ADVANCE.toMillis() + " ms) ahead in total; it is "
                        + Duration.ofNanos(current).toMillis() + " ms ahead and cannot move " + duration.toSeconds()
                        + " s more. Create a new fake (or clock) to start again.");
            }
            if (offsetNanos.compareAndSet(current, current + duration.toNanos())) {
                return;
            }
        }
    }

    /**
     * Reads a clock advance given as JSON milliseconds (the admin API's {@code AdvanceMillis}):
     * a whole number from 0 to {@link #MAX_TOTAL_ADVANCE} in milliseconds.
     *
     * @throws IllegalArgumentException saying the accepted range, for anything else
     */
    public static Duration advanceFromMillis(Object millis) {
        long max = MAX_TOTAL_ADVANCE.toMillis();
        if (millis instanceof Number n && !(millis instanceof java.math.BigDecimal d && d.signum() >= 0)
                && n.doubleValue() < 0) {
            throw new IllegalArgumentException("The fake clock only moves forward; \"AdvanceMillis\" must be a whole "
                    + "number from 0 to " + max + ", got " + n + ".");
        }
        long value = JsonNumbers.wholeNumber(millis, "\"AdvanceMillis\"", 0, max,
                "the milliseconds to move the fake clock forward");
        return Duration.ofMillis(value);
    }

    /** True when the clock stands still unless advanced, so latency can be simulated without sleeping. */
    public boolean isManual() {
        return fixedBase != null;
    }

    @Override
    public String toString() {
        return (fixedBase != null ? "FakeClock[manual, now=" : "FakeClock[system, now=") + now() + "]";
    }
}
