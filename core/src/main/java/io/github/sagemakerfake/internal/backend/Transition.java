package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.control.Lifecycle;
import java.time.Instant;

/**
 * One pending status change under the fake's {@link Lifecycle} (docs/lifecycle.md): over at once
 * ({@code IMMEDIATE}), after {@code n} reads have shown the transitional status ({@code OBSERVED}),
 * or once the fake clock reaches its end ({@code TIMED}). The labeling plane's resources hold one
 * while {@code Initializing}, {@code Stopping} or {@code Deleting}.
 */
final class Transition {

    private final Lifecycle.Kind kind;
    private int readsLeft;
    private final Instant endsAt;

    private Transition(Lifecycle lifecycle, Instant now) {
        this.kind = lifecycle.kind();
        this.readsLeft = lifecycle.reads();
        this.endsAt = now.plus(lifecycle.duration());
    }

    private Transition(Lifecycle.Kind kind, int readsLeft, Instant endsAt) {
        this.kind = kind;
        this.readsLeft = readsLeft;
        this.endsAt = endsAt;
    }

    static Transition start(Lifecycle lifecycle, Instant now) {
        return new Transition(lifecycle, now);
    }

    /**
     * A transition read back from a state document (docs/server.md, "The state file"): {@code OBSERVED}
     * with the reads still to show the transitional status, {@code TIMED} with the instant it ends.
     */
    static Transition restore(Lifecycle.Kind kind, int readsLeft, Instant endsAt) {
        return new Transition(kind, readsLeft, endsAt);
    }

    /** Whether the transitional status has lasted long enough by {@code now}. */
    boolean isOver(Instant now) {
        return switch (kind) {
            case IMMEDIATE -> true;
            case OBSERVED -> readsLeft <= 0;
            case TIMED -> !now.isBefore(endsAt);
        };
    }

    /** A read returned the resource while in transition: it counts for {@code OBSERVED}. */
    void countRead() {
        if (kind == Lifecycle.Kind.OBSERVED) {
            readsLeft--;
        }
    }

    Lifecycle.Kind kind() {
        return kind;
    }

    /** For {@code OBSERVED}: the reads still to show the transitional status. */
    int readsLeft() {
        return readsLeft;
    }

    /** The instant a {@code TIMED} transition ends; for the others, the instant it started. */
    Instant endsAt() {
        return endsAt;
    }
}
