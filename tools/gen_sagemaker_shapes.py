#!/usr/bin/env python3
"""Generate SageMakerShapes.java (the shape-constraint table) and Operation.java (the operation
registry) from the botocore service model.

Usage, from the repository root:

    python3 tools/gen_sagemaker_shapes.py            # rewrite the Java file
    python3 tools/gen_sagemaker_shapes.py --check    # exit 1 if the Java file is stale

The model is the repository's copy of botocore's trimmed service-2.json, in two files that are
merged here: core/src/test/resources/sagemaker-workforce-model.json (workforces, work teams, tags)
and sagemaker-labeling-model.json (labeling jobs, flow definitions, human task UIs), both
Apache-2.0, see NOTICE. A shape both files hold must be the same in both (keys starting with "_",
the trimmed documentation kept as rules, do not count). They are test resources only, so the fake
never parses them at runtime. SageMakerShapesModelTest cross-checks the generated table
against the model on every build, so a stale table fails CI even if nobody runs --check.

The model's operations are exactly the operations the fake serves: Operation.java, generated here, is
the one registry that the dispatch, the fault rules, the journal and the assertions read. Adding an
operation is the model entry, a regenerated table and registry, one handler (docs/architecture.md).

The generator is strict: a model key it does not know (a new trait, a new shape type) is an error,
because silently dropping it would let the validator drift from the service.
"""

import argparse
import hashlib
import json
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MODELS = [
    os.path.join(REPO_ROOT, "core", "src", "test", "resources", name)
    for name in ("sagemaker-workforce-model.json", "sagemaker-labeling-model.json")
]
DEFAULT_OUT = os.path.join(
    REPO_ROOT, "core", "src", "main", "java", "io", "github", "sagemakerfake", "internal", "validation",
    "SageMakerShapes.java")
DEFAULT_REGISTRY_OUT = os.path.join(
    REPO_ROOT, "core", "src", "main", "java", "io", "github", "sagemakerfake", "internal", "backend",
    "Operation.java")

SCALAR_TYPES = {
    "string": "STRING",
    "integer": "INTEGER",
    "long": "LONG",
    "float": "FLOAT",
    "double": "DOUBLE",
    "boolean": "BOOLEAN",
    "timestamp": "TIMESTAMP",
    "blob": "BLOB",
}
# Keys that carry no constraint and are not represented in the table.
IGNORED_SHAPE_KEYS = {"documentation"}
KNOWN_SHAPE_KEYS = {
    "type", "members", "required", "member", "key", "value", "min", "max", "pattern", "enum",
    "sensitive", "box", "exception",
} | IGNORED_SHAPE_KEYS
# jsonvalue: the member travels as a JSON string on awsJson1_1, which is what the table checks; the
# fake's rules parse the text where it matters (HumanLoopActivationConditions).
KNOWN_MEMBER_KEYS = {"shape", "box", "documentation", "jsonvalue"}
KNOWN_OPERATION_KEYS = {"name", "http", "input", "output", "errors", "documentation"}


def java_string(s):
    out = ['"']
    for ch in s:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code > 0x7E:
            units = ch.encode("utf-16-be").hex()  # astral characters become a surrogate pair
            for i in range(0, len(units), 4):
                out.append("\\u" + units[i:i + 4])
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def fail(msg):
    sys.exit("gen_sagemaker_shapes: " + msg)


def integral(shape_name, key, value):
    if isinstance(value, bool) or not isinstance(value, int):
        fail("%s.%s is %r; only integral bounds are supported" % (shape_name, key, value))
    return "%dL" % value if abs(value) > 2**31 - 1 else str(value)


def strip_rules(value):
    """The model without its "_" keys (documentation sentences kept as rules, sources, paginators)."""
    if isinstance(value, dict):
        return {k: strip_rules(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [strip_rules(v) for v in value]
    return value


def load(model_paths):
    """One model from several trimmed copies of the same service model, and the digest of the files."""
    shapes, operations, metadata = {}, {}, None
    digest = hashlib.sha256()
    for path in model_paths:
        with open(path, "rb") as f:
            raw = f.read()
        digest.update(raw)
        model = strip_rules(json.loads(raw))
        if metadata is None:
            metadata = model.get("metadata", {})
        elif model.get("metadata", {}).get("uid") != metadata.get("uid"):
            fail("%s is another service model (%s)" % (path, model.get("metadata", {}).get("uid")))
        for name, shape in model["shapes"].items():
            if name in shapes and shapes[name] != shape:
                fail("shape %s differs between the model files (%s)" % (name, os.path.basename(path)))
            shapes[name] = shape
        for name, op in model["operations"].items():
            if name in operations:
                fail("operation %s is in more than one model file" % name)
            operations[name] = op
    merged = {
        "metadata": metadata,
        "shapes": dict(sorted(shapes.items())),
        "operations": dict(sorted(operations.items())),
    }
    return merged, digest.hexdigest(), " + ".join(os.path.basename(p) for p in model_paths)


def shape_expr(name, shape, shapes):
    unknown = set(shape) - KNOWN_SHAPE_KEYS
    if unknown:
        fail("shape %s has unsupported keys %s" % (name, sorted(unknown)))
    kind = shape["type"]
    lines = []
    if kind == "structure":
        lines.append("structure(%s)" % java_string(name))
        members = shape.get("members", {})
        required = shape.get("required", [])
        for r in required:
            if r not in members:
                fail("%s requires unknown member %s" % (name, r))
        for member_name, member in members.items():
            unknown = set(member) - KNOWN_MEMBER_KEYS
            if unknown:
                fail("member %s.%s has unsupported keys %s" % (name, member_name, sorted(unknown)))
            target = member["shape"]
            if target not in shapes:
                fail("member %s.%s targets unknown shape %s" % (name, member_name, target))
            flags = []
            if member_name in required:
                flags.append("REQUIRED")
            if member.get("box"):
                flags.append("BOX")
            args = [java_string(member_name), java_string(target)]
            if flags:
                args.append(" | ".join(flags))
            lines.append(".member(%s)" % ", ".join(args))
    elif kind == "list":
        target = shape["member"]["shape"]
        if set(shape["member"]) != {"shape"} or target not in shapes:
            fail("list %s has an unsupported member %r" % (name, shape["member"]))
        lines.append("list(%s, %s)" % (java_string(name), java_string(target)))
    elif kind == "map":
        key, value = shape["key"]["shape"], shape["value"]["shape"]
        for ref in (shape["key"], shape["value"]):
            if set(ref) != {"shape"} or ref["shape"] not in shapes:
                fail("map %s has an unsupported key/value %r" % (name, ref))
        if shapes[key]["type"] != "string":
            fail("map %s has a non-string key shape %s" % (name, key))
        lines.append("map(%s, %s, %s)" % (java_string(name), java_string(key), java_string(value)))
    elif kind in SCALAR_TYPES:
        lines.append("scalar(%s, Shape.Type.%s)" % (java_string(name), SCALAR_TYPES[kind]))
    else:
        fail("shape %s has unsupported type %s" % (name, kind))

    for key in ("members", "required"):
        if key in shape and kind != "structure":
            fail("%s: %s on a %s" % (name, key, kind))
    if "min" in shape:
        lines.append(".min(%s)" % integral(name, "min", shape["min"]))
    if "max" in shape:
        lines.append(".max(%s)" % integral(name, "max", shape["max"]))
    if "pattern" in shape:
        if kind != "string":
            fail("%s: pattern on a %s" % (name, kind))
        lines.append(".pattern(%s)" % java_string(shape["pattern"]))
    if "enum" in shape:
        if kind != "string":
            fail("%s: enum on a %s" % (name, kind))
        lines.append(".enumValues(%s)" % ", ".join(java_string(v) for v in shape["enum"]))
    for flag in ("sensitive", "box", "exception"):
        if flag in shape:
            if shape[flag] is not True:
                fail("%s.%s is %r; only true is supported" % (name, flag, shape[flag]))
            lines.append(".%s()" % flag)
    return lines


def operation_expr(name, op, shapes):
    unknown = set(op) - KNOWN_OPERATION_KEYS
    if unknown:
        fail("operation %s has unsupported keys %s" % (name, sorted(unknown)))
    if op.get("name", name) != name:
        fail("operation %s is named %s inside" % (name, op["name"]))

    def ref(key):
        if key not in op:
            return "null"
        target = op[key]["shape"]
        if target not in shapes:
            fail("operation %s %s targets unknown shape %s" % (name, key, target))
        return java_string(target)

    errors = []
    for e in op.get("errors", []):
        if e["shape"] not in shapes:
            fail("operation %s error targets unknown shape %s" % (name, e["shape"]))
        errors.append(java_string(e["shape"]))
    return "op(%s, %s, %s%s)" % (
        java_string(name), ref("input"), ref("output"), "".join(", " + e for e in errors))


def generate(model_paths):
    model, sha256, model_files = load(model_paths)
    shapes = model["shapes"]
    operations = model["operations"]
    metadata = model.get("metadata", {})

    body = []
    for name, shape in shapes.items():
        parts = shape_expr(name, shape, shapes)
        if len(parts) == 1:
            body.append("        add(%s);" % parts[0])
        else:
            body.append("        add(%s" % parts[0])
            for p in parts[1:-1]:
                body.append("                %s" % p)
            body.append("                %s);" % parts[-1])
    ops = ["        %s;" % operation_expr(n, op, shapes) for n, op in operations.items()]

    return TEMPLATE.format(
        model_file=model_files,
        uid=metadata.get("uid", "?"),
        sha256=sha256,
        shape_count=len(shapes),
        op_count=len(operations),
        shapes="\n".join(body),
        operations="\n".join(ops),
    )


def constant_name(name):
    """CreateWorkforce -> CREATE_WORKFORCE."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


def generate_registry(model_paths):
    model, sha256, model_files = load(model_paths)
    operations = model["operations"]
    metadata = model.get("metadata", {})
    constants = []
    for name, op in operations.items():
        if "input" not in op:
            fail("operation %s has no input shape" % name)
        constants.append("    %s(%s, %s)" % (constant_name(name), java_string(name), java_string(op["input"]["shape"])))
    return REGISTRY_TEMPLATE.format(
        model_file=model_files,
        uid=metadata.get("uid", "?"),
        sha256=sha256,
        op_count=len(operations),
        constants=",\n".join(constants) + ";",
    )


REGISTRY_TEMPLATE = """\
// GENERATED FILE, DO NOT EDIT.
// Generated by tools/gen_sagemaker_shapes.py from {model_file}
// (botocore service model {uid}, sha256 {sha256}).
// Regenerate from the repository root with:   python3 tools/gen_sagemaker_shapes.py
package io.github.sagemakerfake.internal.backend;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The operation registry: the {op_count} operations of the model, which are the operations the fake
 * serves. The protocol's dispatch, the fault rules, the journal and the assertions all read this
 * list; each operation has one handler in its resource family ({{@link ResourceFamily}}).
 * docs/architecture.md says how to add one.
 */
public enum Operation {{
{constants}

    private static final Map<String, Operation> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Operation::wireName, Function.identity()));
    private static final List<String> NAMES =
            Arrays.stream(values()).map(Operation::wireName).sorted().toList();

    private final String wireName;
    private final String inputShape;

    Operation(String wireName, String inputShape) {{
        this.wireName = wireName;
        this.inputShape = inputShape;
    }}

    /** The name after {{@code SageMaker.}} in {{@code X-Amz-Target}}. */
    public String wireName() {{
        return wireName;
    }}

    /** The model's input shape, which the request is validated against. */
    public String inputShape() {{
        return inputShape;
    }}

    /** The operation with this wire name, or null if the fake does not serve it. */
    public static Operation fromWireName(String name) {{
        return BY_NAME.get(name);
    }}

    /** The wire names of all served operations, sorted. */
    public static List<String> wireNames() {{
        return NAMES;
    }}

    /** The wire names of all served operations, sorted and comma-separated, for error messages. */
    public static String servedNames() {{
        return String.join(", ", NAMES);
    }}
}}
"""


TEMPLATE = """\
// GENERATED FILE, DO NOT EDIT.
// Generated by tools/gen_sagemaker_shapes.py from {model_file}
// (botocore service model {uid}, sha256 {sha256}).
// Regenerate from the repository root with:   python3 tools/gen_sagemaker_shapes.py
// (reads the model files in core/src/test/resources unless --model is given; --check only verifies).
package io.github.sagemakerfake.internal.validation;

import static io.github.sagemakerfake.internal.validation.Shape.BOX;
import static io.github.sagemakerfake.internal.validation.Shape.REQUIRED;
import static io.github.sagemakerfake.internal.validation.Shape.list;
import static io.github.sagemakerfake.internal.validation.Shape.map;
import static io.github.sagemakerfake.internal.validation.Shape.scalar;
import static io.github.sagemakerfake.internal.validation.Shape.structure;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {shape_count} shapes and {op_count} operations of the SageMaker model trimmed to the fake's operations
 * (workforces, work teams, tags, labeling jobs, flow definitions, human task UIs).
 *
 * <p>Internal: public so that the fake's own packages can look up operations, member names and
 * constraints. Shapes and members appear in the order of the model file, which is key-sorted
 * (alphabetical); that order is also the order in which {{@link RequestValidator}} reports
 * violations. SageMakerShapesModelTest proves on every build that this table equals the model.
 */
public final class SageMakerShapes {{

    private static final Map<String, Shape> SHAPES = new LinkedHashMap<>(256);
    private static final Map<String, Operation> OPERATIONS = new LinkedHashMap<>(32);

    static {{
{shapes}

{operations}
    }}

    private static final Map<String, Shape> SHAPES_VIEW = Collections.unmodifiableMap(SHAPES);
    private static final Map<String, Operation> OPERATIONS_VIEW = Collections.unmodifiableMap(OPERATIONS);

    private SageMakerShapes() {{
    }}

    /** The shape with this model name, or {{@code null}}. */
    public static Shape shape(String name) {{
        return SHAPES.get(name);
    }}

    /** Every shape, keyed by model name, in model-file order. */
    public static Map<String, Shape> shapes() {{
        return SHAPES_VIEW;
    }}

    /** The operation with this name (the part of {{@code X-Amz-Target}} after the dot), or {{@code null}}. */
    public static Operation operation(String name) {{
        return OPERATIONS.get(name);
    }}

    /** Every operation, keyed by name, in model-file order. */
    public static Map<String, Operation> operations() {{
        return OPERATIONS_VIEW;
    }}

    private static void add(Shape.Builder builder) {{
        Shape shape = builder.build();
        SHAPES.put(shape.name(), shape);
    }}

    private static void op(String name, String input, String output, String... errors) {{
        OPERATIONS.put(name, new Operation(name, input, output, Arrays.asList(errors)));
    }}
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", action="append",
                        help="botocore model JSON, repeatable (default: %s)" % ", ".join(DEFAULT_MODELS))
    parser.add_argument("--out", default=DEFAULT_OUT, help="Java file to write (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if --out is stale")
    parser.add_argument("--registry-out", default=DEFAULT_REGISTRY_OUT,
                        help="operation registry to write (default: %(default)s)")
    args = parser.parse_args()

    models = args.model or DEFAULT_MODELS
    outputs = [(args.out, generate(models)), (args.registry_out, generate_registry(models))]
    if args.check:
        stale = []
        for path, text in outputs:
            try:
                with open(path, encoding="utf-8") as f:
                    current = f.read()
            except FileNotFoundError:
                current = None
            if current != text:
                stale.append(path)
        if stale:
            sys.exit("%s is stale; run python3 tools/gen_sagemaker_shapes.py" % ", ".join(stale))
        return
    for path, text in outputs:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print("wrote %s" % os.path.relpath(path))


if __name__ == "__main__":
    main()
