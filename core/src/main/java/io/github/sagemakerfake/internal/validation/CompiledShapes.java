package io.github.sagemakerfake.internal.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The model's shapes prepared once for {@link RequestValidator}: references resolved, patterns
 * compiled, and every constraint's message text built ahead, so that validating a request walks
 * nodes and compares values without building anything it may not need.
 */
final class CompiledShapes {

    /** Every shape of {@link SageMakerShapes}, compiled, by model name. */
    static final Map<String, Node> NODES = compile(SageMakerShapes.shapes());

    private CompiledShapes() {
    }

    /** A structure's member: its JSON name, its name in violation paths, and its target. */
    static final class Field {
        final String jsonName;
        final String pathName;
        final boolean required;
        final Node node;

        Field(String jsonName, String pathName, boolean required, Node node) {
            this.jsonName = jsonName;
            this.pathName = pathName;
            this.required = required;
            this.node = node;
        }
    }

    /** A shape prepared for checking: resolved references, compiled pattern, prebuilt texts. */
    static final class Node {
        final Shape.Type type;
        final boolean scalar;
        final boolean sensitive;
        final String expectedText;
        Field[] fields = new Field[0];
        Node element;
        Node key;
        Node value;
        /** Length of strings (code points) or size of lists and maps; unbounded sides are open. */
        boolean hasLength;
        long minLength = Long.MIN_VALUE;
        long maxLength = Long.MAX_VALUE;
        BigDecimal minValue;
        BigDecimal maxValue;
        String minMessage;
        String maxMessage;
        Predicate<String> pattern;
        String patternMessage;
        Set<String> enumValues;
        String enumMessage;
        /** Every constraint as AWS lists it for an element, {@code [c1, c2]}; null if none. */
        String bracket;
        /** Whether a violation at a member of this shape omits the value. */
        boolean redact;

        Node(Shape shape) {
            this.type = shape.type();
            this.scalar = type != Shape.Type.STRUCTURE && type != Shape.Type.LIST && type != Shape.Type.MAP;
            this.sensitive = shape.sensitive();
            this.expectedText = switch (type) {
                case STRUCTURE -> "a structure (JSON object)";
                case LIST -> "a list (JSON array)";
                case MAP -> "a map (JSON object)";
                case STRING -> "a string";
                case INTEGER, LONG -> "an integer";
                case FLOAT, DOUBLE -> "a number";
                case BOOLEAN -> "a boolean";
                case TIMESTAMP -> "a timestamp (epoch seconds as a JSON number)";
                case BLOB -> "a base64 string";
            };
        }

        /**
         * DECISION: timestamps must be JSON numbers (what every SDK sends for awsJson); a numeric
         * string is a type error, so handlers can rely on {@code BigDecimal}.
         */
        boolean isJsonTypeOf(Object v) {
            return switch (type) {
                case STRING, BLOB -> v instanceof String;
                case INTEGER, LONG -> v instanceof BigDecimal d && isIntegral(d);
                case FLOAT, DOUBLE, TIMESTAMP -> v instanceof BigDecimal;
                case BOOLEAN -> v instanceof Boolean;
                case STRUCTURE, MAP -> v instanceof Map;
                case LIST -> v instanceof List;
            };
        }
    }

    private static Map<String, Node> compile(Map<String, Shape> shapes) {
        Map<String, Node> nodes = new HashMap<>(shapes.size() * 2);
        for (Shape shape : shapes.values()) {
            nodes.put(shape.name(), new Node(shape));
        }
        for (Shape shape : shapes.values()) {
            Node node = nodes.get(shape.name());
            switch (shape.type()) {
                case STRUCTURE -> {
                    List<Field> fields = new ArrayList<>();
                    for (Shape.Member m : shape.members()) {
                        fields.add(new Field(m.name(), lowerFirst(m.name()), m.required(), resolve(nodes, m.target())));
                    }
                    node.fields = fields.toArray(new Field[0]);
                }
                case LIST -> node.element = resolve(nodes, shape.listMember());
                case MAP -> {
                    node.key = resolve(nodes, shape.mapKey());
                    node.value = resolve(nodes, shape.mapValue());
                }
                default -> {
                }
            }
            compileConstraints(shape, node);
        }
        for (Shape shape : shapes.values()) {
            Node node = nodes.get(shape.name());
            node.redact = holdsSensitiveScalars(node, 0);
        }
        return Map.copyOf(nodes);
    }

    private static void compileConstraints(Shape shape, Node node) {
        List<String> all = new ArrayList<>(4);
        boolean numeric = switch (shape.type()) {
            case INTEGER, LONG, FLOAT, DOUBLE -> true;
            default -> false;
        };
        String unit = numeric ? "value" : "length";
        if (shape.max() != null) {
            node.maxMessage = "Member must have " + unit + " less than or equal to " + shape.max();
            all.add(node.maxMessage);
        }
        if (shape.min() != null) {
            node.minMessage = "Member must have " + unit + " greater than or equal to " + shape.min();
            all.add(node.minMessage);
        }
        if (numeric) {
            node.maxValue = shape.max() == null ? null : BigDecimal.valueOf(shape.max());
            node.minValue = shape.min() == null ? null : BigDecimal.valueOf(shape.min());
        } else if (shape.min() != null || shape.max() != null) {
            node.hasLength = true;
            node.minLength = shape.min() == null ? Long.MIN_VALUE : shape.min();
            node.maxLength = shape.max() == null ? Long.MAX_VALUE : shape.max();
        }
        if (shape.pattern() != null) {
            node.pattern = compilePattern(shape.pattern());
            node.patternMessage = "Member must satisfy regular expression pattern: " + shape.pattern();
            all.add(node.patternMessage);
        }
        if (shape.enumValues() != null) {
            node.enumValues = Set.copyOf(shape.enumValues());
            node.enumMessage = "Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]";
            all.add(node.enumMessage);
        }
        node.bracket = all.isEmpty() ? null : "[" + String.join(", ", all) + "]";
    }

    /**
     * The two most common model patterns skip the regex engine. They keep Java's meaning of
     * {@code .}: any character except the line terminators {@code \n \r \u0085 \u2028 \u2029}.
     */
    static Predicate<String> compilePattern(String regex) {
        if (regex.equals(".*")) {
            return CompiledShapes::hasNoLineTerminator;
        }
        if (regex.equals(".+")) {
            return s -> !s.isEmpty() && hasNoLineTerminator(s);
        }
        return new RememberedMatches(Pattern.compile(regex));
    }

    /**
     * A model pattern with the verdicts on recent short values remembered: a suite sends the same
     * names, pools and groups in every test, and running the regex engine on each, interpreted
     * until the JIT compiles it, cost a fake's suite more than the lookup (docs/benchmarks.md,
     * "The cost of a test in process"). The verdict is the engine's, computed once per value; the
     * memory is bounded (at most {@link #MAX_VALUES} values of at most {@link #MAX_LENGTH}
     * characters per pattern, forgotten all at once when full).
     */
    static final class RememberedMatches implements Predicate<String> {
        static final int MAX_VALUES = 64;
        static final int MAX_LENGTH = 128;

        private final Pattern pattern;
        private final ConcurrentHashMap<String, Boolean> verdicts = new ConcurrentHashMap<>();

        RememberedMatches(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        public boolean test(String value) {
            if (value.length() > MAX_LENGTH) {
                return pattern.matcher(value).matches();
            }
            Boolean known = verdicts.get(value);
            if (known != null) {
                return known;
            }
            boolean matches = pattern.matcher(value).matches();
            if (verdicts.size() >= MAX_VALUES) {
                verdicts.clear();
            }
            verdicts.put(value, matches);
            return matches;
        }
    }

    private static boolean hasNoLineTerminator(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** Sensitive itself, or a list/map whose elements print as sensitive scalars. */
    private static boolean holdsSensitiveScalars(Node node, int depth) {
        if (node.sensitive) {
            return true;
        }
        if (depth > 32) {
            return false; // a recursive list/map model; none exists here
        }
        return switch (node.type) {
            case LIST -> holdsSensitiveScalars(node.element, depth + 1);
            case MAP -> holdsSensitiveScalars(node.key, depth + 1) || holdsSensitiveScalars(node.value, depth + 1);
            default -> false;
        };
    }

    private static Node resolve(Map<String, Node> nodes, String name) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalStateException("The shape table refers to a missing shape " + name);
        }
        return node;
    }

    /** {@code WorkteamName} to {@code workteamName}; only the first character changes. */
    static String lowerFirst(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    static boolean isIntegral(BigDecimal d) {
        return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
    }
}
