package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.text.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a workforce stays in a transitional status ({@code Initializing} after CreateWorkforce,
 * {@code Updating} after UpdateWorkforce, {@code Deleting} after DeleteWorkforce) before it settles
 * on {@code Active} (or {@code Failed}, or gone). On AWS this takes minutes; a fake chooses:
 *
 * <ul>
 *   <li>{@link #observed(int) OBSERVED(n)}, the default with n = 1: the transitional status lasts
 *       until n reads (DescribeWorkforce, or ListWorkforces returning the workforce) have shown it.
 *       Code that polls until {@code Active} passes at once; code that never waits sees what AWS
 *       shows, and fails here as it would there.</li>
 *   <li>{@link #timed(Duration) TIMED(duration)}: the status settles once the fake clock has
 *       moved {@code duration} past the change; move it with {@link FakeControl#advanceClock}.</li>
 *   <li>{@link #immediate() IMMEDIATE}: every change is settled at once, for tests about
 *       something else.</li>
 * </ul>
 *
 * <pre>{@code
 * SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().lifecycle(Lifecycle.immediate()).build();
 * Lifecycle twoPolls = Lifecycle.parse("OBSERVED(2)");          // the form of flags, env and properties
 * Lifecycle fiveMinutes = Lifecycle.timed(Duration.ofMinutes(5)); // same as Lifecycle.parse("TIMED(PT5M)")
 * }</pre>
 *
 * <p>Other operations never advance a transition: only the reads above (for {@code OBSERVED}) or
 * the clock (for {@code TIMED}) do. State snapshots show the current status without counting as a
 * read. Workforces created from a seed start {@code Active}. Immutable; {@link #toString()} gives
 * the text form that {@link #parse(String)} reads.
 */
public final class Lifecycle {

    /** The three kinds of lifecycle. */
    public enum Kind { IMMEDIATE, OBSERVED, TIMED }

    private static final Lifecycle IMMEDIATE = new Lifecycle(Kind.IMMEDIATE, 0, Duration.ZERO);
    private static final Lifecycle OBSERVED_ONCE = new Lifecycle(Kind.OBSERVED, 1, Duration.ZERO);
    private static final Pattern TEXT = Pattern.compile("([A-Za-z]+)\\s*(?:\\(\\s*([^()]*?)\\s*\\)|:\\s*(\\S+))?");
    private static final String FORMS = "IMMEDIATE, OBSERVED(n) (or OBSERVED:n) with n >= 1, or TIMED(duration) "
            + "(or TIMED:duration) with an ISO-8601 duration such as PT5M or a number of milliseconds";

    private final Kind kind;
    private final int reads;
    private final Duration duration;

    private Lifecycle(Kind kind, int reads, Duration duration) {
        this.kind = kind;
        this.reads = reads;
        this.duration = duration;
    }

    /** Every change settles at once: no transitional status is ever seen. */
    public static Lifecycle immediate() {
        return IMMEDIATE;
    }

    /** A transitional status is shown by {@code reads} reads, then the workforce settles. */
    public static Lifecycle observed(int reads) {
        if (reads < 1) {
            throw new IllegalArgumentException("OBSERVED needs at least 1 read, got " + reads
                    + "; use IMMEDIATE for no transitional status");
        }
        return reads == 1 ? OBSERVED_ONCE : new Lifecycle(Kind.OBSERVED, reads, Duration.ZERO);
    }

    /** A transitional status lasts {@code duration} on the fake clock. */
    public static Lifecycle timed(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("TIMED needs a positive duration, got " + duration
                    + "; use IMMEDIATE for no transitional status");
        }
        return new Lifecycle(Kind.TIMED, 0, duration);
    }

    /** The default of every form: {@code OBSERVED(1)}. */
    public static Lifecycle defaultLifecycle() {
        return OBSERVED_ONCE;
    }

    /**
     * Reads the text form used by the server flag, environment variables, the JUnit annotation and
     * configuration parameters: {@code IMMEDIATE}, {@code OBSERVED(1)} or {@code OBSERVED:1},
     * {@code TIMED(PT5M)} or {@code TIMED:300000} (milliseconds). Case does not matter.
     *
     * @throws IllegalArgumentException with a message that lists the accepted forms
     */
    public static Lifecycle parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A lifecycle is " + FORMS + "; got an empty value");
        }
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("A lifecycle is " + FORMS + "; got '" + text + "'");
        }
        String name = m.group(1).toUpperCase(Locale.ROOT);
        String argument = m.group(2) != null ? m.group(2) : m.group(3);
        try {
            switch (name) {
                case "IMMEDIATE":
                    if (argument != null) {
                        throw new IllegalArgumentException("IMMEDIATE takes no argument");
                    }
                    return immediate();
                case "OBSERVED":
                    if (argument == null || argument.isEmpty()) {
                        throw new IllegalArgumentException("OBSERVED needs a number of reads, e.g. OBSERVED(1)");
                    }
                    if (!argument.matches("[0-9]{1,9}")) {
                        throw new IllegalArgumentException("OBSERVED takes a whole number of reads such as 1, got '"
                                + argument + "'");
                    }
                    return observed(Integer.parseInt(argument));
                case "TIMED":
                    if (argument == null || argument.isEmpty()) {
                        throw new IllegalArgumentException("TIMED needs a duration, e.g. TIMED(PT5M)");
                    }
                    return timed(duration(argument));
                default:
                    throw new IllegalArgumentException("unknown lifecycle " + m.group(1));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A lifecycle is " + FORMS + "; got '" + text + "' (" + e.getMessage()
                    + ")", e);
        }
    }

    private static Duration duration(String text) {
        return Durations.parse(text);
    }

    public Kind kind() {
        return kind;
    }

    /** For {@code OBSERVED}: how many reads show a transitional status; 0 otherwise. */
    public int reads() {
        return reads;
    }

    /** For {@code TIMED}: how long a transitional status lasts; zero otherwise. */
    public Duration duration() {
        return duration;
    }

    /** {@code IMMEDIATE}, {@code OBSERVED(n)} or {@code TIMED(<ISO-8601>)}: the form {@link #parse} reads. */
    @Override
    public String toString() {
        return switch (kind) {
            case IMMEDIATE -> "IMMEDIATE";
            case OBSERVED -> "OBSERVED(" + reads + ")";
            case TIMED -> "TIMED(" + duration + ")";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lifecycle other && kind == other.kind && reads == other.reads
                && duration.equals(other.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, reads, duration);
    }
}
