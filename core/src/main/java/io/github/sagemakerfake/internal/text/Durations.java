package io.github.sagemakerfake.internal.text;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one duration parser of every text form the fake reads (server flags and environment
 * variables, the JUnit extension's configuration, {@code TIMED(...)} lifecycles): ISO-8601 such
 * as {@code PT5S} or {@code pt0.5s} (any case), or a whole number of milliseconds such as
 * {@code 5000}. Surrounding blanks are ignored.
 */
public final class Durations {

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException naming the text and both accepted forms
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            if (t.matches("[0-9]+")) {
                return Duration.ofMillis(Long.parseLong(t));
            }
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write ISO-8601 such as \"PT5S\" or "
                    + "\"PT0.5S\", or milliseconds such as \"5000\"");
        }
    }

    /** As {@link #parse}, refusing a negative duration. */
    public static Duration parseNonNegative(String text) {
        Duration d = parse(text);
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative; the duration must not be negative");
        }
        return d;
    }
}
