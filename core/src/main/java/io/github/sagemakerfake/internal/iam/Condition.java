package io.github.sagemakerfake.internal.iam;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One condition of a statement: an operator, a key and its values, evaluated as docs/iam.md
 * ("Conditions") says: values of one key OR-ed (AND-ed for a negated operator), a key missing from
 * the request false (true for a negated operator, and for {@code ...IfExists}), {@code ForAllValues:}
 * true on no values, {@code ForAnyValue:} false on no values.
 */
final class Condition {

    enum Operator {
        STRING_EQUALS("StringEquals", false), STRING_NOT_EQUALS("StringNotEquals", true),
        STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false),
        STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true),
        STRING_LIKE("StringLike", false), STRING_NOT_LIKE("StringNotLike", true),
        ARN_EQUALS("ArnEquals", false), ARN_LIKE("ArnLike", false),
        ARN_NOT_EQUALS("ArnNotEquals", true), ARN_NOT_LIKE("ArnNotLike", true),
        NUMERIC_EQUALS("NumericEquals", false), NUMERIC_NOT_EQUALS("NumericNotEquals", true),
        NUMERIC_LESS_THAN("NumericLessThan", false), NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false),
        NUMERIC_GREATER_THAN("NumericGreaterThan", false),
        NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false),
        DATE_EQUALS("DateEquals", false), DATE_NOT_EQUALS("DateNotEquals", true),
        DATE_LESS_THAN("DateLessThan", false), DATE_LESS_THAN_EQUALS("DateLessThanEquals", false),
        DATE_GREATER_THAN("DateGreaterThan", false), DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false),
        BOOL("Bool", false), BINARY_EQUALS("BinaryEquals", false),
        IP_ADDRESS("IpAddress", false), NOT_IP_ADDRESS("NotIpAddress", true),
        NULL("Null", false);

        final String wireName;
        final boolean negated;

        Operator(String wireName, boolean negated) {
            this.wireName = wireName;
            this.negated = negated;
        }

        static Operator named(String name) {
            for (Operator o : values()) {
                if (o.wireName.equals(name)) {
                    return o;
                }
            }
            return null;
        }

        static String names() {
            return Arrays.stream(values()).map(o -> o.wireName).collect(Collectors.joining(", "));
        }
    }

    enum SetQualifier { NONE, FOR_ALL_VALUES, FOR_ANY_VALUE }

    private final String operatorText;
    private final Operator operator;
    private final SetQualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final String lowerKey;
    private final List<Glob> values;

    private Condition(String operatorText, Operator operator, SetQualifier qualifier, boolean ifExists, String key,
                      List<Glob> values) {
        this.operatorText = operatorText;
        this.operator = operator;
        this.qualifier = qualifier;
        this.ifExists = ifExists;
        this.key = key;
        this.lowerKey = key.toLowerCase(Locale.ROOT);
        this.values = values;
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with the operator or a value; the caller
     *                                  adds the place
     */
    static Condition of(String operatorText, String key, List<String> rawValues, boolean variables) {
        String rest = operatorText;
        SetQualifier qualifier = SetQualifier.NONE;
        if (rest.startsWith("ForAllValues:")) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring("ForAllValues:".length());
        } else if (rest.startsWith("ForAnyValue:")) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring("ForAnyValue:".length());
        }
        boolean ifExists = rest.endsWith("IfExists");
        if (ifExists) {
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        Operator op = Operator.named(rest);
        if (op == null) {
            throw new IllegalArgumentException("\"" + operatorText + "\" is not an IAM condition operator. Operators: "
                    + Operator.names() + "; each may end in IfExists (except Null) and start with ForAllValues: or "
                    + "ForAnyValue:");
        }
        if (op == Operator.NULL && ifExists) {
            throw new IllegalArgumentException("NullIfExists is not an IAM condition operator: Null already tests "
                    + "whether the key exists");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a condition key must not be empty");
        }
        boolean allowVariables = variables && op != Operator.NULL;
        List<Glob> globs = rawValues.stream().map(v -> {
            checkValue(op, v);
            return Glob.compile(v, allowVariables);
        }).collect(Collectors.toUnmodifiableList());
        return new Condition(operatorText, op, qualifier, ifExists, key, globs);
    }

    private static void checkValue(Operator op, String v) {
        switch (op) {
            case NULL, BOOL -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(op.wireName + " takes \"true\" or \"false\", not \"" + v + "\"");
                }
            }
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, NUMERIC_LESS_THAN, NUMERIC_LESS_THAN_EQUALS,
                    NUMERIC_GREATER_THAN, NUMERIC_GREATER_THAN_EQUALS -> {
                if (!v.contains("${") && number(v) == null) {
                    throw new IllegalArgumentException(op.wireName + " takes numbers, not \"" + v + "\"");
                }
            }
            case DATE_EQUALS, DATE_NOT_EQUALS, DATE_LESS_THAN, DATE_LESS_THAN_EQUALS, DATE_GREATER_THAN,
                    DATE_GREATER_THAN_EQUALS -> {
                if (!v.contains("${") && date(v) == null) {
                    throw new IllegalArgumentException(op.wireName + " takes ISO 8601 dates such as "
                            + "\"2026-01-01T00:00:00Z\" or epoch seconds, not \"" + v + "\"");
                }
            }
            default -> {
            }
        }
    }

    String key() {
        return key;
    }

    String operatorText() {
        return operatorText;
    }

    boolean test(AuthRequest request) {
        List<String> present = request.values(lowerKey);
        boolean absent = present == null || present.isEmpty();
        if (operator == Operator.NULL) {
            for (Glob v : values) {
                if (v.source().equalsIgnoreCase("true") == absent) {
                    return true;
                }
            }
            return false;
        }
        Function<String, String> variables = request::variable;
        switch (qualifier) {
            case FOR_ALL_VALUES:
                if (absent) {
                    return true;
                }
                for (String value : present) {
                    if (!single(value, variables)) {
                        return false;
                    }
                }
                return true;
            case FOR_ANY_VALUE:
                if (absent) {
                    return ifExists;
                }
                for (String value : present) {
                    if (single(value, variables)) {
                        return true;
                    }
                }
                return false;
            default:
                if (absent) {
                    return ifExists || operator.negated;
                }
                if (operator.negated) {
                    for (String value : present) { // the request's value may match none of the policy's
                        if (!single(value, variables)) {
                            return false;
                        }
                    }
                    return true;
                }
                for (String value : present) {
                    if (single(value, variables)) {
                        return true;
                    }
                }
                return false;
        }
    }

    /** One request value against all the policy's values: any match (none, for a negated operator). */
    private boolean single(String value, Function<String, String> variables) {
        boolean any = false;
        for (Glob g : values) {
            int[] pattern = g.expand(variables);
            if (pattern != null && positive(value, pattern, g)) {
                any = true;
                break;
            }
        }
        return operator.negated != any;
    }

    private boolean positive(String value, int[] pattern, Glob glob) {
        switch (operator) {
            case STRING_EQUALS, STRING_NOT_EQUALS, BINARY_EQUALS:
                return Glob.equalsLiterally(pattern, value, false);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE:
                return Glob.equalsLiterally(pattern, value, true);
            case STRING_LIKE, STRING_NOT_LIKE:
                return Glob.matches(pattern, value, false);
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE:
                return Glob.matchesArn(pattern, value);
            case BOOL:
                return Glob.equalsLiterally(pattern, value, true);
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, NUMERIC_LESS_THAN, NUMERIC_LESS_THAN_EQUALS,
                    NUMERIC_GREATER_THAN, NUMERIC_GREATER_THAN_EQUALS:
                return compare(number(value), number(literal(pattern)));
            case DATE_EQUALS, DATE_NOT_EQUALS, DATE_LESS_THAN, DATE_LESS_THAN_EQUALS, DATE_GREATER_THAN,
                    DATE_GREATER_THAN_EQUALS:
                return compare(date(value), date(literal(pattern)));
            default: // IpAddress/NotIpAddress: no request to the fake carries aws:SourceIp (docs/iam.md)
                return false;
        }
    }

    private <T extends Comparable<T>> boolean compare(T request, T policy) {
        if (request == null || policy == null) {
            return false;
        }
        int c = request.compareTo(policy);
        return switch (operator) {
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> c < 0;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> c <= 0;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> c > 0;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> c >= 0;
            default -> c == 0;
        };
    }

    private static String literal(int[] pattern) {
        StringBuilder b = new StringBuilder(pattern.length);
        for (int e : pattern) {
            b.append(e == Glob.STAR ? '*' : e == Glob.QMARK ? '?' : (char) e);
        }
        return b.toString();
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant date(String s) {
        String t = s.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e2) {
                BigDecimal seconds = number(t);
                return seconds == null ? null : Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
            }
        }
    }

    @Override
    public String toString() {
        return operatorText + " " + key + " " + values;
    }

}
