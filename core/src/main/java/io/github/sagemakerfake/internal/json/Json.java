package io.github.sagemakerfake.internal.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A small, strict JSON reader and writer over plain Java values.
 *
 * <p>The tree is made of {@code Map<String, Object>} (insertion-ordered), {@code List<Object>},
 * {@code String}, {@code BigDecimal} (every number, so integers and fractions stay exact),
 * {@code Boolean} and {@code null}. The fake keeps its core free of third-party JSON libraries so
 * that it never clashes with a user's classpath (see docs/adr/0002-own-json.md).
 *
 * <p>Not public API: it is public only so that the fake's own packages can share it.
 */
public final class Json {

    // Stream constraints, after Jackson's StreamReadConstraints: input past any of them is refused
    // with a ParseException before it costs memory or time, so no body can make the fake store or
    // render a value much larger than the body's own text.

    /** Nesting deeper than this is rejected, so a hostile body cannot exhaust the stack. */
    public static final int MAX_DEPTH = 64;
    /** The longest request body, in UTF-8 bytes (2 MiB; the largest valid SageMaker request here is a few KiB). */
    public static final int MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
    /** The longest string or member name, in characters (1 Mi). */
    public static final int MAX_STRING_LENGTH = 1024 * 1024;
    /** The longest number literal, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /**
     * The largest decimal exponent of a number, either sign (beyond any double), so that no
     * literal such as {@code 1e2147483647} can stand for a value billions of digits long.
     */
    public static final int MAX_NUMBER_EXPONENT = 1000;

    private Json() {
    }

    /** Parses one JSON value that must fill the whole input (surrounding whitespace allowed). */
    public static Object parse(byte[] utf8) {
        return parse(new String(utf8, StandardCharsets.UTF_8));
    }

    /**
     * Parses a request body: as {@link #parse(byte[])}, and refuses a body longer than
     * {@link #MAX_DOCUMENT_BYTES} before decoding it. (Seeds, state files and admin responses are
     * the fake's own documents and may be larger.)
     */
    public static Object parseRequest(byte[] utf8) {
        if (utf8.length > MAX_DOCUMENT_BYTES) {
            throw tooLarge(utf8.length);
        }
        return parse(utf8);
    }

    public static Object parse(String text) {
        Reader reader = new Reader(text);
        reader.skipWhitespace();
        Object value = reader.readValue(0);
        reader.skipWhitespace();
        if (!reader.atEnd()) {
            throw reader.error("Unexpected character after the JSON value");
        }
        return value;
    }

    private static ParseException tooLarge(long size) {
        return new ParseException("The body is " + size + " bytes; at most " + MAX_DOCUMENT_BYTES
                + " bytes are accepted");
    }

    /**
     * The JSON text of a number: plain digits, unless those would be more than a few characters
     * longer than the scientific form ({@code 1E+999}), so a number never renders much larger
     * than the literal it was read from.
     */
    public static String numberText(BigDecimal d) {
        int scale = d.scale();
        if (scale >= 0 ? scale <= d.precision() + 24 : -scale <= 24) {
            return d.toPlainString();
        }
        return d.toString();
    }

    /** Serialises a tree of the types listed in the class comment. */
    public static String write(Object value) {
        StringBuilder out = borrowBuffer();
        try {
            write(value, out);
            return out.toString();
        } finally {
            returnBuffer(out);
        }
    }

    public static byte[] writeBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One text buffer per thread, reused by {@link #write(Object)}: every answer of the fake is
     * written through it, and a fresh builder grew (and copied) itself a few times per answer of a
     * kilobyte (docs/benchmarks.md, "The cost of a test in process"). A buffer that grew past
     * {@link #MAX_KEPT_BUFFER} is not kept, so one huge document does not stay in memory.
     */
    private static final ThreadLocal<StringBuilder[]> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder[1]);
    private static final int MAX_KEPT_BUFFER = 64 * 1024;

    private static StringBuilder borrowBuffer() {
        StringBuilder[] slot = BUFFER.get();
        StringBuilder out = slot[0];
        if (out == null) {
            return new StringBuilder(1024);
        }
        slot[0] = null; // lent: a nested write (none today) gets a builder of its own
        out.setLength(0);
        return out;
    }

    private static void returnBuffer(StringBuilder out) {
        if (out.capacity() <= MAX_KEPT_BUFFER) {
            BUFFER.get()[0] = out;
        }
    }

    public static void write(Object value, StringBuilder out) {
        if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            map.forEach(new MemberWriter(out));
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            list.forEach(new ElementWriter(out));
            out.append(']');
        } else {
            writeScalar(value, out);
        }
    }

    /*
     * Objects and arrays are written through the collection's own forEach, not a loop here: the
     * loop then lives in each collection class's compiled forEach, and this writer's compiled code
     * stays small and is not thrown away and compiled again as it meets other collection classes
     * (docs/benchmarks.md, "A consumer suite: what the JIT compiles").
     */

    /** Writes an object's members, skipping null ones (absent and null mean the same to every AWS client). */
    private static final class MemberWriter implements BiConsumer<Object, Object> {
        private final StringBuilder out;
        private boolean first = true;

        MemberWriter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void accept(Object key, Object value) {
            if (value == null) {
                return;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString((String) key, out);
            out.append(':');
            write(value, out);
        }
    }

    /** Writes an array's elements. */
    private static final class ElementWriter implements Consumer<Object> {
        private final StringBuilder out;
        private boolean first = true;

        ElementWriter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void accept(Object item) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(item, out);
        }
    }

    private static void writeScalar(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof BigDecimal d) {
            out.append(numberText(d));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            out.append(value);
        } else if (value instanceof Number n) {
            out.append(numberText(new BigDecimal(n.toString())));
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    public static void writeString(String s, StringBuilder out) {
        out.append('"');
        int length = s.length();
        int plain = 0; // start of the run of characters written as they are, appended at once
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x2028 || (c > 0x2029 && !Character.isSurrogate(c)))) {
                continue;
            }
            out.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (!pairedSurrogate(s, i)) {
                        // A lone UTF-16 surrogate (which a request may carry as "\ud800") has no UTF-8
                        // form: written raw it would make the text unencodable (a state file could never be
                        // saved again) or turn into '?'. Escaped, it reads back as the same char.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (plain == 0) {
            out.append(s); // nothing escaped, the common case: one bulk copy
        } else {
            out.append(s, plain, length);
        }
        out.append('"');
    }

    /** True when the surrogate at {@code i} is half of a well-formed pair (high then low). */
    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * A deep, unmodifiable copy of a tree: snapshots and journal entries hand these out, so no
     * caller can change the fake's state through them. A tree (or subtree) this method made is
     * returned as it is: it is immutable all the way down already, so freezing it again is free.
     */
    @SuppressWarnings("unchecked")
    public static <T> T freeze(T value) {
        if (value instanceof FrozenMap || value instanceof FrozenList) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return (T) FROZEN_EMPTY; // a journal entry's request until it is rendered: every call froze one
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, freeze(v)));
            return (T) new FrozenMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freeze(v)));
            return (T) new FrozenList(copy);
        }
        return value;
    }

    private static final FrozenMap FROZEN_EMPTY = new FrozenMap(new LinkedHashMap<>());

    /** A map only {@link #freeze} makes, over a copy no one else holds: immutable all the way down. */
    private static final class FrozenMap extends AbstractMap<String, Object> {
        private final Map<String, Object> map;

        FrozenMap(Map<String, Object> copy) {
            this.map = Collections.unmodifiableMap(copy);
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return map.entrySet();
        }

        @Override
        public Object get(Object key) {
            return map.get(key);
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            map.forEach(action); // the copy's own loop, not an iterator of wrapped entries
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }
    }

    /** A list only {@link #freeze} makes, over a copy no one else holds: immutable all the way down. */
    private static final class FrozenList extends AbstractList<Object> implements RandomAccess {
        private final List<Object> list;

        FrozenList(List<Object> copy) {
            this.list = copy;
        }

        @Override
        public Object get(int index) {
            return list.get(index);
        }

        @Override
        public void forEach(Consumer<? super Object> action) {
            list.forEach(action);
        }

        @Override
        public int size() {
            return list.size();
        }
    }

    /** A deep, modifiable copy of a tree. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }

    /** Thrown for input that is not well-formed JSON; the message says where and why. */
    public static final class ParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        ParseException error(String what) {
            return new ParseException(what + " at offset " + pos);
        }

        void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        Object readValue(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
            }
            if (atEnd()) {
                throw error("Unexpected end of input");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return readObject(depth);
                case '[':
                    return readArray(depth);
                case '"':
                    return readString();
                case 't':
                    expectWord("true");
                    return Boolean.TRUE;
                case 'f':
                    expectWord("false");
                    return Boolean.FALSE;
                case 'n':
                    expectWord("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return readNumber();
                    }
                    throw error("Unexpected character '" + printable(c) + "'");
            }
        }

        private static String printable(char c) {
            return c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        }

        private void expectWord(String word) {
            if (!text.startsWith(word, pos)) {
                throw error("Unrecognized token");
            }
            pos += word.length();
        }

        private Map<String, Object> readObject(int depth) {
            pos++; // '{'
            Map<String, Object> map = new LinkedHashMap<>();
            skipWhitespace();
            if (!atEnd() && text.charAt(pos) == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (atEnd() || text.charAt(pos) != '"') {
                    throw error("Expected a field name");
                }
                String key = readString();
                skipWhitespace();
                if (atEnd() || text.charAt(pos) != ':') {
                    throw error("Expected ':' after a field name");
                }
                pos++;
                skipWhitespace();
                Object value = readValue(depth + 1);
                if (map.containsKey(key)) {
                    throw error("Duplicate field '" + key + "'");
                }
                map.put(key, value);
                skipWhitespace();
                if (atEnd()) {
                    throw error("Unexpected end of input in an object");
                }
                char c = text.charAt(pos++);
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    pos--;
                    throw error("Expected ',' or '}'");
                }
            }
        }

        private List<Object> readArray(int depth) {
            pos++; // '['
            List<Object> list = new ArrayList<>();
            skipWhitespace();
            if (!atEnd() && text.charAt(pos) == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWhitespace();
                list.add(readValue(depth + 1));
                skipWhitespace();
                if (atEnd()) {
                    throw error("Unexpected end of input in an array");
                }
                char c = text.charAt(pos++);
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    pos--;
                    throw error("Expected ',' or ']'");
                }
            }
        }

        private String readString() {
            pos++; // opening quote
            StringBuilder sb = null;
            int start = pos;
            while (true) {
                if (atEnd()) {
                    throw error("Unterminated string");
                }
                char c = text.charAt(pos);
                if (pos - start + (sb == null ? 0 : sb.length()) > MAX_STRING_LENGTH) {
                    throw error("String longer than " + MAX_STRING_LENGTH + " characters");
                }
                if (c == '"') {
                    String result = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                    pos++;
                    return result;
                }
                if (c < 0x20) {
                    throw error("Unescaped control character in a string");
                }
                if (c == '\\') {
                    if (sb == null) {
                        sb = new StringBuilder();
                    }
                    sb.append(text, start, pos);
                    pos++;
                    if (atEnd()) {
                        throw error("Unterminated escape");
                    }
                    char e = text.charAt(pos++);
                    switch (e) {
                        case '"' -> sb.append('"');
                        case '\\' -> sb.append('\\');
                        case '/' -> sb.append('/');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 4 > text.length()) {
                                throw error("Truncated unicode escape");
                            }
                            try {
                                sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw error("Invalid unicode escape");
                            }
                            pos += 4;
                        }
                        default -> {
                            pos--;
                            throw error("Invalid escape '\\" + e + "'");
                        }
                    }
                    start = pos;
                } else {
                    pos++;
                }
            }
        }

        private BigDecimal readNumber() {
            int start = pos;
            if (text.charAt(pos) == '-') {
                pos++;
            }
            int intStart = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == intStart || (text.charAt(intStart) == '0' && pos - intStart > 1)) {
                throw error("Invalid number");
            }
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                int fracStart = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos == fracStart) {
                    throw error("Invalid number");
                }
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                int expStart = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos == expStart) {
                    throw error("Invalid number");
                }
            }
            if (pos - start > MAX_NUMBER_LENGTH) {
                throw error("Number literal longer than " + MAX_NUMBER_LENGTH + " characters");
            }
            BigDecimal number;
            try {
                number = new BigDecimal(text.substring(start, pos));
            } catch (NumberFormatException e) { // an exponent beyond int range
                number = null;
            }
            // The decimal exponent of the leading digit: 1e5 -> 5, 0.001 -> -3.
            if (number == null || Math.abs((long) number.precision() - number.scale() - 1) > MAX_NUMBER_EXPONENT) {
                throw error("Number " + text.substring(start, Math.min(pos, start + 40)) + " out of range: the "
                        + "largest accepted magnitude is 1e" + MAX_NUMBER_EXPONENT + " and the smallest 1e-"
                        + MAX_NUMBER_EXPONENT);
            }
            return number;
        }
    }
}
