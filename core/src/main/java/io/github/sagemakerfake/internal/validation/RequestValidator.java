package io.github.sagemakerfake.internal.validation;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.validation.CompiledShapes.Field;
import io.github.sagemakerfake.internal.validation.CompiledShapes.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a parsed awsJson request body against the model constraints of its input shape, the way
 * the real (Coral) service does before an operation runs.
 *
 * <p>Input is the tree produced by {@code io.github.sagemakerfake.internal.json.Json}: {@code Map}, {@code
 * List}, {@code String}, {@code BigDecimal}, {@code Boolean}, {@code null}. After {@link #validate}
 * returns, every modeled member present in the body has the JSON type of its shape (strings are
 * {@code String}, integers and timestamps {@code BigDecimal}, booleans {@code Boolean}, ...), so
 * handlers may cast without checking. Integers are integral but may exceed {@code int} where the
 * model sets no maximum ({@code ListTagsMaxResults}); handlers clamp those.
 *
 * <p>Rules (AWS/Coral conventions; the choices where AWS documents nothing are marked DECISION):
 * <ul>
 *   <li>Unknown members are ignored, JSON {@code null} is the same as absent.
 *   <li>A wrong JSON type anywhere throws {@link RequestSerializationException} and wins over
 *       every constraint violation, because the service fails while deserializing, before it
 *       validates.
 *   <li>Constraint violations are collected over the whole body, members in model-file order,
 *       depth first, and thrown together as {@link RequestValidationException}. Per member:
 *       required, then length/size/range, then pattern/enum. DECISION: the model file is
 *       key-sorted, so that order is alphabetical; AWS's own order is unknown (one real
 *       two-error text does not follow the model order either).
 *   <li>Paths: member names with the first letter lowercased only ({@code S3Presign} becomes
 *       {@code s3Presign}, as AWS prints {@code sAMLOptions}), joined by {@code .}; a structure
 *       inside a list is {@code memberDefinitions.1.member.cognitoMemberDefinition}.
 *   <li>Lists of scalars are judged as a whole, as AWS does: one violation at the list's path,
 *       {@code Value '[a, b]' at 'tagKeys' failed to satisfy constraint: Member must satisfy
 *       constraint: [<every constraint of the element shape>]}. Maps likewise, with {@code Map
 *       keys must satisfy constraint: [...]} then {@code Map value must satisfy constraint:
 *       [...]}. (Real texts: Lambda {@code cors.allowMethods}, ACM {@code subjectAlternativeNames},
 *       QuickSight/EventBridge map keys, Cognito/DynamoDB map values.) The bracket lists every
 *       constraint of the element shape, maximum before minimum before pattern, as AWS does.
 *   <li>DECISION: a structure or list inside a map value (none in this model) continues the path
 *       with the raw key, {@code <map>.<key>}; type errors in map values use the same path.
 *   <li>Sensitive members (ClientSecret) never show a value: {@code Value at 'x' failed ...}
 *       (AWS does the same for OpenSearch's sensitive {@code masterUserName}); DECISION: also
 *       when the value is missing.
 *   <li>String length counts Unicode code points, not UTF-16 units: the Smithy length trait
 *       measures Unicode scalar values, and a probe of SES v2 reported the same.
 *   <li>Patterns are the model text compiled verbatim with {@link Pattern} and must match the whole
 *       value ({@code matches()}), printed verbatim. Java semantics apply, so {@code .} does not
 *       match line terminators and a {@code Description} with a newline fails {@code .+}.
 * </ul>
 */
public final class RequestValidator {

    private static final Map<String, Node> NODES = CompiledShapes.NODES;

    private static final String NOT_NULL = "Member must not be null";

    /**
     * DECISION: how much of a value a message echoes, in characters; longer values are cut and end
     * in {@code ...}. The service's limit is unknown; without one a 10 MB name made a 20 MB message.
     */
    public static final int MAX_ECHOED_CHARS = 1024;
    /** DECISION: how many violations a message lists; the count in its first words stays exact. */
    public static final int MAX_LISTED_VIOLATIONS = 20;
    /** Epoch seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the timestamps accepted. */
    public static final BigDecimal MIN_TIMESTAMP = BigDecimal.valueOf(-62_135_596_800L);
    public static final BigDecimal MAX_TIMESTAMP = BigDecimal.valueOf(253_402_300_799L);
    private static final String REDACTED = "*** Sensitive Data Redacted ***";

    private RequestValidator() {
    }

    /**
     * Validates {@code body} against the structure shape {@code inputShapeName} (for example
     * {@code SageMakerShapes.operation("CreateWorkteam").input()}).
     *
     * @param body the parsed JSON object; {@code null} counts as {@code {}}
     * @throws RequestSerializationException if a modeled member has the wrong JSON type
     * @throws RequestValidationException if constraints are violated
     * @throws IllegalArgumentException if the shape is unknown or not a structure
     */
    public static void validate(String inputShapeName, Map<String, ?> body) {
        Node node = NODES.get(inputShapeName);
        if (node == null || node.type != Shape.Type.STRUCTURE) {
            throw new IllegalArgumentException("Not a structure shape of the model: " + inputShapeName);
        }
        if (body == null) {
            body = Map.of();
        }
        Context ctx = new Context();
        checkStructure(node, body, ctx);
        if (ctx.violations != null) {
            throw new RequestValidationException(ctx.violations, ctx.count);
        }
    }

    // ---- walking the body --------------------------------------------------------------------

    /**
     * Per-call state: the current path, and the violations so far. Only the first
     * {@link #MAX_LISTED_VIOLATIONS} are written out; the rest are counted, so a body with half a
     * million bad elements costs a counter, not a 20 MB message.
     *
     * <p>The path is a stack of its segments, written out as text only for a violation: a valid
     * request (nearly every one) pushes and pops references, and the validator's compiled code holds
     * no text building (docs/benchmarks.md, "A consumer suite: what the JIT compiles").
     */
    private static final class Context {
        /** A member's (or map key's) path name, or null for a list element. */
        private String[] names = new String[16];
        /** A list element's one-based index, where {@code names} holds null. */
        private int[] indexes = new int[16];
        private int depth;
        List<String> violations;
        int count;

        void report(Node node, Object value, String constraint) {
            count++;
            if (count > MAX_LISTED_VIOLATIONS) {
                return;
            }
            if (violations == null) {
                violations = new ArrayList<>(4);
            }
            violations.add(violation(node, value, path(), constraint));
        }

        void push(String segment) {
            if (depth == names.length) {
                grow();
            }
            names[depth++] = segment;
        }

        void pushElement(int oneBasedIndex) {
            if (depth == names.length) {
                grow();
            }
            names[depth] = null;
            indexes[depth++] = oneBasedIndex;
        }

        void pop() {
            depth--;
        }

        private void grow() {
            names = Arrays.copyOf(names, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }

        /** The path as AWS writes it: {@code memberDefinitions.1.member.cognitoMemberDefinition.userPool}. */
        String path() {
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < depth; i++) {
                if (i > 0) {
                    sb.append('.');
                }
                if (names[i] != null) {
                    sb.append(names[i]);
                } else {
                    sb.append(indexes[i]).append(".member");
                }
            }
            return sb.toString();
        }
    }

    private static void checkStructure(Node node, Map<?, ?> map, Context ctx) {
        for (Field field : node.fields) {
            Object value = map.get(field.jsonName);
            ctx.push(field.pathName);
            if (value == null) {
                if (field.required) {
                    ctx.report(field.node, null, NOT_NULL);
                }
            } else {
                checkValue(field.node, value, ctx);
            }
            ctx.pop();
        }
    }

    /** Checks a present (non-null) value at the context's current path. */
    private static void checkValue(Node node, Object value, Context ctx) {
        switch (node.type) {
            case STRUCTURE -> {
                if (!(value instanceof Map<?, ?> map)) {
                    throw typeError(ctx.path(), node, value);
                }
                checkStructure(node, map, ctx);
            }
            case LIST -> {
                if (!(value instanceof List<?> list)) {
                    throw typeError(ctx.path(), node, value);
                }
                checkList(node, list, ctx);
            }
            case MAP -> {
                if (!(value instanceof Map<?, ?> map)) {
                    throw typeError(ctx.path(), node, value);
                }
                checkMap(node, map, ctx);
            }
            default -> {
                checkScalarType(node, value, ctx);
                reportScalar(node, value, ctx);
            }
        }
    }

    private static void checkList(Node node, List<?> list, Context ctx) {
        checkSize(node, list, list.size(), ctx);
        Node element = node.element;
        if (element.scalar) {
            boolean broken = false;
            int index = 0;
            for (Object item : list) {
                index++;
                if (item == null || !element.isJsonTypeOf(item)) {
                    ctx.pushElement(index);
                    throw typeError(ctx.path(), element, item);
                }
                // Keep type-checking after the first broken element: a type error anywhere wins.
                if (!broken && element.bracket != null && !satisfies(element, item)) {
                    broken = true;
                }
            }
            if (broken) {
                ctx.report(node, list, "Member must satisfy constraint: " + element.bracket);
            }
        } else {
            int index = 0;
            for (Object item : list) {
                index++;
                ctx.pushElement(index);
                if (item == null) {
                    throw typeError(ctx.path(), element, null);
                }
                checkValue(element, item, ctx);
                ctx.pop();
            }
        }
    }

    private static void checkMap(Node node, Map<?, ?> map, Context ctx) {
        checkSize(node, map, map.size(), ctx);
        Node key = node.key;
        Node value = node.value;
        if (value.scalar) {
            boolean keysBroken = false;
            boolean valuesBroken = false;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = String.valueOf(e.getKey());
                Object v = e.getValue();
                if (v == null || !value.isJsonTypeOf(v)) {
                    ctx.push(k);
                    throw typeError(ctx.path(), value, v);
                }
                if (!keysBroken && key.bracket != null && !satisfies(key, k)) {
                    keysBroken = true;
                }
                if (!valuesBroken && value.bracket != null && !satisfies(value, v)) {
                    valuesBroken = true;
                }
            }
            if (keysBroken) {
                ctx.report(node, map, "Map keys must satisfy constraint: " + key.bracket);
            }
            if (valuesBroken) {
                ctx.report(node, map, "Map value must satisfy constraint: " + value.bracket);
            }
        } else {
            boolean keysBroken = false;
            for (Object k : map.keySet()) {
                if (key.bracket != null && !satisfies(key, String.valueOf(k))) {
                    keysBroken = true;
                    break;
                }
            }
            if (keysBroken) {
                ctx.report(node, map, "Map keys must satisfy constraint: " + key.bracket);
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                ctx.push(String.valueOf(e.getKey()));
                if (e.getValue() == null) {
                    throw typeError(ctx.path(), value, null);
                }
                checkValue(value, e.getValue(), ctx);
                ctx.pop();
            }
        }
    }

    private static void checkSize(Node node, Object value, int size, Context ctx) {
        if (size > node.maxLength) {
            ctx.report(node, value, node.maxMessage);
        } else if (size < node.minLength) {
            ctx.report(node, value, node.minMessage);
        }
    }

    /** A member's scalar: each failing constraint is its own violation, in the documented order. */
    private static void reportScalar(Node node, Object value, Context ctx) {
        if (node.bracket == null) {
            return;
        }
        if (value instanceof String s) {
            if (node.hasLength) {
                long length = codePointLength(s, node);
                if (length > node.maxLength) {
                    ctx.report(node, s, node.maxMessage);
                } else if (length < node.minLength) {
                    ctx.report(node, s, node.minMessage);
                }
            }
            if (node.pattern != null && !node.pattern.test(s)) {
                ctx.report(node, s, node.patternMessage);
            }
            if (node.enumValues != null && !node.enumValues.contains(s)) {
                ctx.report(node, s, node.enumMessage);
            }
        } else if (value instanceof BigDecimal d) {
            if (node.maxValue != null && d.compareTo(node.maxValue) > 0) {
                ctx.report(node, d, node.maxMessage);
            } else if (node.minValue != null && d.compareTo(node.minValue) < 0) {
                ctx.report(node, d, node.minMessage);
            }
        }
    }

    /** True when a (type-checked) scalar breaks none of its shape's constraints. */
    private static boolean satisfies(Node node, Object value) {
        if (value instanceof String s) {
            if (node.hasLength) {
                long length = codePointLength(s, node);
                if (length > node.maxLength || length < node.minLength) {
                    return false;
                }
            }
            return (node.pattern == null || node.pattern.test(s))
                    && (node.enumValues == null || node.enumValues.contains(s));
        }
        if (value instanceof BigDecimal d) {
            return (node.maxValue == null || d.compareTo(node.maxValue) <= 0)
                    && (node.minValue == null || d.compareTo(node.minValue) >= 0);
        }
        return true;
    }

    /**
     * Code points, counted only when the UTF-16 length cannot decide: a string has between
     * {@code length/2} (rounded up) and {@code length} code points.
     */
    private static long codePointLength(String s, Node node) {
        int units = s.length();
        if (units <= node.maxLength && (units + 1) / 2 >= node.minLength) {
            return units; // within bounds either way; the exact count cannot change the verdict
        }
        return s.codePointCount(0, units);
    }

    private static void checkScalarType(Node node, Object value, Context ctx) {
        if (!node.isJsonTypeOf(value)) {
            throw typeError(ctx.path(), node, value);
        }
        if (node.type == Shape.Type.TIMESTAMP) {
            BigDecimal seconds = (BigDecimal) value;
            if (seconds.compareTo(MIN_TIMESTAMP) < 0 || seconds.compareTo(MAX_TIMESTAMP) > 0) {
                // DECISION: beyond what a timestamp can hold, a deserialization error, as for a wrong type
                String p = ctx.path();
                throw new RequestSerializationException(p, "Cannot deserialize '" + p + "': expected a timestamp "
                        + "(epoch seconds) from " + MIN_TIMESTAMP + " (0001-01-01T00:00:00Z) to " + MAX_TIMESTAMP
                        + " (9999-12-31T23:59:59Z) but found " + Json.numberText(seconds));
            }
        }
    }

    // ---- messages ----------------------------------------------------------------------------

    private static String violation(Node node, Object value, CharSequence path, String constraint) {
        StringBuilder sb = new StringBuilder(80 + path.length() + constraint.length());
        sb.append("Value ");
        if (node.redact) {
            // nothing: the value of a sensitive member is never echoed
        } else if (value == null) {
            sb.append("null ");
        } else {
            sb.append('\'');
            int limit = sb.length() + MAX_ECHOED_CHARS;
            if (!print(node, value, sb, limit) || sb.length() > limit) {
                sb.setLength(Math.min(sb.length(), limit));
                sb.append("...");
            }
            sb.append("' ");
        }
        return sb.append("at '").append(path).append("' failed to satisfy constraint: ").append(constraint).toString();
    }

    /**
     * Java-toString style, as Coral prints: lists {@code [a, b]}, maps {@code {k=v}}. DECISION:
     * structures print their modeled members as {@code {Key=k, Value=v}} (AWS prints an opaque
     * {@code Class@hash}); sensitive members inside them are redacted.
     */
    private static boolean print(Node node, Object value, StringBuilder sb, int limit) {
        if (sb.length() >= limit) {
            return false; // stop walking: the message shows a prefix only
        }
        if (value == null) {
            sb.append("null");
        } else if (node.sensitive) {
            sb.append(REDACTED);
        } else if (node.type == Shape.Type.STRUCTURE && value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Field f : node.fields) {
                Object v = map.get(f.jsonName);
                if (v != null) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    sb.append(f.jsonName).append('=');
                    if (!print(f.node, v, sb, limit)) {
                        return false;
                    }
                }
            }
            sb.append('}');
        } else if (node.type == Shape.Type.LIST && value instanceof List<?> list) {
            sb.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                if (!print(node.element, item, sb, limit)) {
                    return false;
                }
            }
            sb.append(']');
        } else if (node.type == Shape.Type.MAP && value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                if (!print(node.key, e.getKey(), sb, limit)) {
                    return false;
                }
                sb.append('=');
                if (!print(node.value, e.getValue(), sb, limit)) {
                    return false;
                }
            }
            sb.append('}');
        } else if (value instanceof BigDecimal d) {
            sb.append(Json.numberText(d)); // never the billion digits of 1e999999999 in plain form
        } else {
            String text = String.valueOf(value);
            int room = limit - sb.length();
            if (text.length() > room) {
                sb.append(text, 0, room);
                return false;
            }
            sb.append(text);
        }
        return sb.length() <= limit;
    }

    private static RequestSerializationException typeError(CharSequence path, Node expected, Object found) {
        String foundText;
        if (found == null) {
            foundText = "null";
        } else if (found instanceof String) {
            foundText = "a string";
        } else if (found instanceof BigDecimal d) {
            boolean integerExpected = expected.type == Shape.Type.INTEGER || expected.type == Shape.Type.LONG;
            foundText = integerExpected && !CompiledShapes.isIntegral(d) ? "the fractional number " + d : "a number";
        } else if (found instanceof Boolean) {
            foundText = "a boolean";
        } else if (found instanceof Map) {
            foundText = "an object";
        } else if (found instanceof Collection) {
            foundText = "an array";
        } else {
            foundText = "a " + found.getClass().getSimpleName();
        }
        String p = path.toString();
        return new RequestSerializationException(p,
                "Cannot deserialize '" + p + "': expected " + expected.expectedText + " but found " + foundText);
    }

}
