package io.github.sagemakerfake.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.sagemakerfake.internal.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that the generated {@link SageMakerShapes} table is exactly the service model, so the
 * table cannot drift. The model is the repository's own copy of botocore's trimmed service model
 * in two files (src/test/resources, Apache-2.0, see NOTICE), merged here as
 * tools/gen_sagemaker_shapes.py merges them: keys starting with "_" (documentation kept as rules)
 * dropped, a shape both files hold identical in both, shapes and operations sorted by name.
 */
class SageMakerShapesModelTest {

    static final List<String> MODEL_FILES = List.of("/sagemaker-workforce-model.json", "/sagemaker-labeling-model.json");

    private static Map<String, Object> model;

    @BeforeAll
    static void loadModel() throws IOException {
        Map<String, Object> shapes = new TreeMap<>();
        Map<String, Object> operations = new TreeMap<>();
        for (String file : MODEL_FILES) {
            try (var in = SageMakerShapesModelTest.class.getResourceAsStream(file)) {
                if (in == null) {
                    fail("The service model " + file + " is missing from core's test resources");
                }
                Map<String, Object> part = asMap(stripRules(
                        Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))));
                asMap(part.get("shapes")).forEach((name, shape) -> {
                    Object before = shapes.put(name, shape);
                    assertThat(before == null || before.equals(shape)).as("shape %s is the same in every model file", name)
                            .isTrue();
                });
                asMap(part.get("operations")).forEach((name, op) ->
                        assertThat(operations.put(name, op)).as("operation %s in one model file only", name).isNull());
            }
        }
        model = new LinkedHashMap<>();
        model.put("shapes", new LinkedHashMap<>(shapes));
        model.put("operations", new LinkedHashMap<>(operations));
    }

    private static Object stripRules(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!((String) k).startsWith("_")) {
                    out.put((String) k, stripRules(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SageMakerShapesModelTest::stripRules).toList();
        }
        return value;
    }

    @Test
    void theTableHasExactlyTheModelShapesInModelOrder() {
        assertThat(SageMakerShapes.shapes().keySet()).containsExactlyElementsOf(asMap(model.get("shapes")).keySet());
        assertThat(SageMakerShapes.shapes()).hasSize(213);
    }

    @Test
    void everyShapeEqualsItsModelDefinition() {
        Map<String, Object> shapes = asMap(model.get("shapes"));
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Object> e : shapes.entrySet()) {
            Shape shape = SageMakerShapes.shape(e.getKey());
            if (shape == null) {
                mismatches.add(e.getKey() + ": missing from the table");
                continue;
            }
            Map<String, Object> expected = normalize(asMap(e.getValue()));
            Map<String, Object> actual = describe(shape);
            if (!expected.equals(actual)) {
                mismatches.add(e.getKey() + ":\n  model: " + expected + "\n  table: " + actual);
            }
            // Map equality ignores order; member order decides the order of reported violations.
            if (shape.type() == Shape.Type.STRUCTURE) {
                List<String> tableOrder = shape.members().stream().map(Shape.Member::name).toList();
                List<String> modelOrder = List.copyOf(asMap(asMap(e.getValue()).get("members")).keySet());
                if (!tableOrder.equals(modelOrder)) {
                    mismatches.add(e.getKey() + ": member order " + tableOrder + " != model " + modelOrder);
                }
            }
        }
        assertThat(mismatches).as("shapes that differ from the model; run python3 tools/gen_sagemaker_shapes.py")
                .isEmpty();
    }

    @Test
    void theTableHasExactlyTheModelOperations() {
        Map<String, Object> ops = asMap(model.get("operations"));
        assertThat(SageMakerShapes.operations().keySet()).containsExactlyElementsOf(ops.keySet());
        assertThat(ops).hasSize(28);
        // The operation registry is generated from the same model: the fake serves exactly its operations.
        assertThat(io.github.sagemakerfake.internal.backend.Operation.wireNames())
                .containsExactlyInAnyOrderElementsOf(ops.keySet());
        for (Map.Entry<String, Object> e : ops.entrySet()) {
            Map<String, Object> op = asMap(e.getValue());
            Operation actual = SageMakerShapes.operation(e.getKey());
            List<String> errors = new ArrayList<>();
            if (op.get("errors") != null) {
                for (Object err : (List<?>) op.get("errors")) {
                    errors.add((String) asMap(err).get("shape"));
                }
            }
            Operation expected = new Operation(e.getKey(), shapeRef(op.get("input")), shapeRef(op.get("output")), errors);
            assertThat(actual).as(e.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void everyShapeReachableFromAnOperationIsInTheTableAndEveryPatternCompiles() {
        Set<String> reachable = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (Operation op : SageMakerShapes.operations().values()) {
            todo.add(op.input());
            if (op.output() != null) { // StopLabelingJob answers with no body shape
                todo.add(op.output());
            }
            todo.addAll(op.errors());
        }
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!reachable.add(name)) {
                continue;
            }
            Shape shape = SageMakerShapes.shape(name);
            assertThat(shape).as("shape %s", name).isNotNull();
            shape.members().forEach(m -> todo.add(m.target()));
            if (shape.listMember() != null) {
                todo.add(shape.listMember());
            }
            if (shape.mapKey() != null) {
                todo.add(shape.mapKey());
                todo.add(shape.mapValue());
            }
            if (shape.pattern() != null) {
                Pattern.compile(shape.pattern());
            }
        }
        assertThat(reachable).containsExactlyInAnyOrderElementsOf(SageMakerShapes.shapes().keySet());
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The table's shape written back in botocore notation, normalized like {@link #normalize}. */
    private static Map<String, Object> describe(Shape shape) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", shape.type().modelName());
        if (shape.type() == Shape.Type.STRUCTURE) {
            Map<String, Object> members = new LinkedHashMap<>();
            Set<String> required = new TreeSet<>();
            for (Shape.Member m : shape.members()) {
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("shape", m.target());
                if (m.box()) {
                    ref.put("box", true);
                }
                members.put(m.name(), ref);
                if (m.required()) {
                    required.add(m.name());
                }
            }
            out.put("members", members);
            if (!required.isEmpty()) {
                out.put("required", new ArrayList<>(required));
            }
        }
        if (shape.listMember() != null) {
            out.put("member", Map.of("shape", shape.listMember()));
        }
        if (shape.mapKey() != null) {
            out.put("key", Map.of("shape", shape.mapKey()));
            out.put("value", Map.of("shape", shape.mapValue()));
        }
        putIfPresent(out, "min", shape.min());
        putIfPresent(out, "max", shape.max());
        putIfPresent(out, "pattern", shape.pattern());
        putIfPresent(out, "enum", shape.enumValues());
        if (shape.sensitive()) {
            out.put("sensitive", true);
        }
        if (shape.box()) {
            out.put("box", true);
        }
        if (shape.exception()) {
            out.put("exception", true);
        }
        return out;
    }

    /**
     * Model JSON with numbers as Long, {@code required} as a sorted list (its order carries no
     * meaning) and documentation dropped. Every other key is kept, so a trait the table does not
     * carry shows up as a difference.
     */
    private static Map<String, Object> normalize(Map<String, Object> shape) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : shape.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.equals("documentation")) {
                continue;
            }
            if (key.equals("required")) {
                List<?> list = (List<?>) value;
                if (!list.isEmpty()) {
                    out.put(key, new ArrayList<Object>(new TreeSet<Object>(list)));
                }
            } else if (key.equals("members")) {
                Map<String, Object> members = new LinkedHashMap<>();
                asMap(value).forEach((name, ref) -> members.put(name, normalizeRef(asMap(ref))));
                out.put(key, members);
            } else if (key.equals("member") || key.equals("key") || key.equals("value")) {
                out.put(key, normalizeRef(asMap(value)));
            } else if (value instanceof BigDecimal d) {
                out.put(key, d.longValueExact());
            } else {
                out.put(key, value);
            }
        }
        return out;
    }

    private static Map<String, Object> normalizeRef(Map<String, Object> ref) {
        Map<String, Object> out = new LinkedHashMap<>(ref);
        out.remove("documentation");
        out.remove("jsonvalue"); // a JSON string on the wire: the table checks it as the string it is
        return out;
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static String shapeRef(Object ref) {
        return ref == null ? null : (String) asMap(ref).get("shape");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
