package io.github.sagemakerfake.examples;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * A second, slower line of defence against throttling, around each step of a reconciliation.
 *
 * <p><b>Two layers, on purpose.</b> The first is the SDK's own retry strategy, configured on the
 * client ({@link ReconcilerMain} uses the standard strategy with 5 attempts): it retries each call
 * after a throttling error with a short, jittered backoff, and is all a short burst needs. This
 * class is for when SageMaker keeps throttling after the SDK gave up: a reconciliation is a batch
 * of calls nobody watches, and it is better for it to pause for seconds and carry on than to stop
 * halfway with half the teams changed. It retries <em>only</em> {@code ThrottlingException} (never
 * a refusal such as {@code ValidationException}), a bounded number of times, with exponential
 * backoff and jitter; each of its attempts is a full SDK call with the SDK's own retries, so keep
 * both small (the defaults give at most 3 x 5 requests per step).
 *
 * <p>The pause goes through a {@link Sleeper}, so tests check the schedule without waiting.
 */
public final class ThrottlingRetry {

    /** Pauses between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;

    /**
     * @param maxAttempts    attempts per step, at least 1 (1 means: rely on the SDK alone)
     * @param initialBackoff the pause after the first throttled attempt; it doubles after each further one
     * @param maxBackoff     the longest pause
     * @param sleeper        how to pause
     */
    public ThrottlingRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** 3 attempts, pausing about 2 s then 4 s. */
    public static ThrottlingRetry defaults() {
        return new ThrottlingRetry(3, Duration.ofSeconds(2), Duration.ofSeconds(30),
                duration -> Thread.sleep(duration.toMillis()));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Runs the call, again after a pause while SageMaker throttles it, at most {@code maxAttempts} times. */
    public <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (SageMakerException e) {
                if (!e.isThrottlingException() || attempt >= maxAttempts) {
                    throw e;
                }
                pause(backoff(attempt), e);
            }
        }
    }

    /** Runs a call that answers nothing of interest. */
    public void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    /**
     * The pause after the given failed attempt: half of {@code initialBackoff * 2^(attempt-1)}
     * (capped at {@code maxBackoff}) plus a random part up to the other half ("equal jitter"), so
     * that reconcilers started together do not retry together.
     */
    Duration backoff(int attempt) {
        long ceiling = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(maxBackoff.toMillis(), ceiling);
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }

    private void pause(Duration duration, SageMakerException cause) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            cause.addSuppressed(interrupted);
            throw cause;
        }
    }
}
