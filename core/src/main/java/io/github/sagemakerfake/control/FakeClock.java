package io.github.sagemakerfake.control;

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

    /** Moves the clock forward; a negative duration is rejected, time never runs backwards. */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The fake clock only moves forward; got " + duration);
        }
        offsetNanos.addAndGet(duration.toNanos());
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
