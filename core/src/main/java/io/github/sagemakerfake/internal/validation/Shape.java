package io.github.sagemakerfake.internal.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One shape of the SageMaker service model, as plain data.
 *
 * <p>Internal: public only so that the fake's own packages (protocol, backend) can look up member
 * names and constraints. Instances come from the generated {@link SageMakerShapes} table; the
 * fields mirror the botocore JSON one to one so that a test can compare the two mechanically.
 */
public final class Shape {

    /** The botocore shape types this fake understands; the generator refuses any other. */
    public enum Type {
        STRUCTURE("structure"),
        LIST("list"),
        MAP("map"),
        STRING("string"),
        INTEGER("integer"),
        LONG("long"),
        FLOAT("float"),
        DOUBLE("double"),
        BOOLEAN("boolean"),
        TIMESTAMP("timestamp"),
        BLOB("blob");

        private final String modelName;

        Type(String modelName) {
            this.modelName = modelName;
        }

        /** The spelling used by the botocore model ({@code "structure"}, {@code "integer"}, ...). */
        public String modelName() {
            return modelName;
        }
    }

    /**
     * A structure member. {@code name} is the JSON (wire) name; {@code target} the shape name.
     * {@code box} is carried only so that the table equals the model; validation ignores it.
     */
    public record Member(String name, String target, boolean required, boolean box) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(target, "target");
        }
    }

    private final String name;
    private final Type type;
    private final List<Member> members;
    private final Map<String, Member> membersByName;
    private final boolean sensitive;
    private final Long min;
    private final Long max;
    private final String pattern;
    private final List<String> enumValues;
    private final String listMember;
    private final String mapKey;
    private final String mapValue;
    private final boolean box;
    private final boolean exception;

    private Shape(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.members = List.copyOf(b.members);
        Map<String, Member> byName = new LinkedHashMap<>();
        for (Member m : b.members) {
            if (byName.put(m.name(), m) != null) {
                throw new IllegalArgumentException("Duplicate member " + m.name() + " in " + b.name);
            }
        }
        this.membersByName = Collections.unmodifiableMap(byName);
        this.sensitive = b.sensitive;
        this.min = b.min;
        this.max = b.max;
        this.pattern = b.pattern;
        this.enumValues = b.enumValues == null ? null : List.copyOf(b.enumValues);
        this.listMember = b.listMember;
        this.mapKey = b.mapKey;
        this.mapValue = b.mapValue;
        this.box = b.box;
        this.exception = b.exception;
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /** Structure members in the order of the model file; empty for other types. */
    public List<Member> members() {
        return members;
    }

    /** The member with this JSON name, or {@code null}. */
    public Member member(String jsonName) {
        return membersByName.get(jsonName);
    }

    public boolean sensitive() {
        return sensitive;
    }

    /** Minimum length (string, list, map) or value (numbers); {@code null} when the model has none. */
    public Long min() {
        return min;
    }

    /** Maximum length (string, list, map) or value (numbers); {@code null} when the model has none. */
    public Long max() {
        return max;
    }

    /** The model's regular expression, verbatim; {@code null} when the model has none. */
    public String pattern() {
        return pattern;
    }

    /** Allowed values in model order; {@code null} when the shape is not an enum. */
    public List<String> enumValues() {
        return enumValues;
    }

    /** Element shape name of a list; {@code null} otherwise. */
    public String listMember() {
        return listMember;
    }

    public String mapKey() {
        return mapKey;
    }

    public String mapValue() {
        return mapValue;
    }

    public boolean box() {
        return box;
    }

    /** True for the modeled error shapes. */
    public boolean exception() {
        return exception;
    }

    @Override
    public String toString() {
        return "Shape[" + name + ": " + type.modelName() + "]";
    }

    // ---- construction, used only by the generated table ----------------------------------

    static final int REQUIRED = 1;
    static final int BOX = 2;

    static Builder structure(String name) {
        return new Builder(name, Type.STRUCTURE);
    }

    static Builder list(String name, String member) {
        Builder b = new Builder(name, Type.LIST);
        b.listMember = member;
        return b;
    }

    static Builder map(String name, String key, String value) {
        Builder b = new Builder(name, Type.MAP);
        b.mapKey = key;
        b.mapValue = value;
        return b;
    }

    static Builder scalar(String name, Type type) {
        return new Builder(name, type);
    }

    static final class Builder {
        private final String name;
        private final Type type;
        private final List<Member> members = new ArrayList<>();
        private boolean sensitive;
        private Long min;
        private Long max;
        private String pattern;
        private List<String> enumValues;
        private String listMember;
        private String mapKey;
        private String mapValue;
        private boolean box;
        private boolean exception;

        private Builder(String name, Type type) {
            this.name = Objects.requireNonNull(name);
            this.type = Objects.requireNonNull(type);
        }

        Builder member(String memberName, String target) {
            return member(memberName, target, 0);
        }

        Builder member(String memberName, String target, int flags) {
            members.add(new Member(memberName, target, (flags & REQUIRED) != 0, (flags & BOX) != 0));
            return this;
        }

        Builder sensitive() {
            sensitive = true;
            return this;
        }

        Builder min(long value) {
            min = value;
            return this;
        }

        Builder max(long value) {
            max = value;
            return this;
        }

        Builder pattern(String regex) {
            pattern = regex;
            return this;
        }

        Builder enumValues(String... values) {
            enumValues = List.of(values);
            return this;
        }

        Builder box() {
            box = true;
            return this;
        }

        Builder exception() {
            exception = true;
            return this;
        }

        Shape build() {
            return new Shape(this);
        }
    }
}
