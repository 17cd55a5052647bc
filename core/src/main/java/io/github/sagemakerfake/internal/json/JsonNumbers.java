package io.github.sagemakerfake.internal.json;

import java.math.BigDecimal;

/**
 * Range checks for numbers read from JSON by the control surface (fault rules, clock moves), so
 * that every form (in process, the admin API) refuses the same values with the same message that
 * says the range, and no value wraps or overflows.
 */
public final class JsonNumbers {

    private JsonNumbers() {
    }

    /** A whole number in [min, max]; the message names the member and the range. */
    public static long wholeNumber(Object value, String member, long min, long max, String what) {
        BigDecimal number = number(value, member, what);
        boolean whole = number.signum() == 0 || number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0;
        if (!whole || number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException(member + " must be a whole number from " + min + " to " + max + " ("
                    + what + "); got " + Json.numberText(number) + ".");
        }
        return number.longValueExact();
    }

    /** A number in (0, 1]. */
    public static double probability(Object value, String member) {
        BigDecimal number = number(value, member, "a probability");
        if (number.signum() <= 0 || number.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(member + " must be a number greater than 0 and at most 1; got "
                    + Json.numberText(number) + ".");
        }
        return number.doubleValue();
    }

    private static BigDecimal number(Object value, String member, String what) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return new BigDecimal(n.toString());
        }
        String found = value == null ? "null" : value instanceof String ? "a string" : value instanceof Boolean
                ? "a boolean" : value instanceof java.util.Map ? "an object" : value instanceof Iterable ? "an array"
                : "a value that is not a number";
        throw new IllegalArgumentException(member + " must be a JSON number (" + what + "); got " + found + ".");
    }
}
