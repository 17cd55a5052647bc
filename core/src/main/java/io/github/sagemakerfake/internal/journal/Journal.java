package io.github.sagemakerfake.internal.journal;

import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.internal.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request journal: the requests a fake received, oldest first, bounded in entries and in (estimated) bytes so a
 * long-lived server cannot grow without end: past either bound the oldest entries are dropped.
 * A body larger than {@link #MAX_RECORDED_BODY_CHARS} is kept as a prefix and marked
 * {@link JournalEntry#requestTruncated() truncated}, so one huge request cannot push out the rest.
 * Secrets never enter it: a {@code ClientSecret} member is replaced by {@link #REDACTED} as the body
 * is copied in (docs/fidelity.md, "Test-support behaviour").
 *
 * <p>How an entry is kept (docs/benchmarks.md, "The server's tail"): as <em>one byte array</em>,
 * its fields and the request and response bodies encoded in it, taken from a small pool of arrays
 * that dropped entries give back. A server at its bound therefore allocates nothing per request
 * for its journal, and a young-generation collection has nothing of it to copy: kept as objects
 * (an entry, its strings, its bodies), every entry of the last few thousand requests survived each
 * collection and made every pause as long as copying them. An entry is decoded when the journal
 * is first read, once (a small request body and the response body are parsed then, bounded and
 * redacted the same way), and from then on kept decoded.
 */
public final class Journal {

    /** How much of one request body is kept, in characters of its strings, numbers and member names. */
    public static final int MAX_RECORDED_BODY_CHARS = 64 * 1024;
    /** The longest string kept whole in a recorded body; longer ones keep this many characters and "...". */
    public static final int MAX_RECORDED_STRING_CHARS = 8 * 1024;
    /** What the journal shows instead of a {@code ClientSecret}. */
    public static final String REDACTED = "*** redacted ***";

    /**
     * The largest request body kept as its bytes and rendered only when the journal is read: below
     * {@link #MAX_RECORDED_STRING_CHARS}, so such a body is never truncated and its rendering is the
     * whole body.
     */
    static final int LAZY_REQUEST_MAX_BYTES = 4 * 1024;

    /** Pooled array sizes: 256 B doubling to 64 KiB; a larger entry gets an array of its own, not pooled. */
    private static final int SMALLEST_CLASS = 256;
    private static final int CLASSES = 9;
    /** How many free arrays each size keeps; at its bound the journal frees about one per entry it records. */
    private static final int POOLED_PER_CLASS = 32;

    private static final int RAW_REQUEST = 1;
    private static final int REQUEST_TRUNCATED = 2;
    private static final int HAS_RESPONSE = 4;
    private static final int HAS_LATENCY = 8;

    private final int capacity;
    private final long maxBytes;
    /** The entries, a ring from {@code head}; a slot holds the encoded array until decoded, then the entry. */
    private byte[][] encoded = new byte[4][];
    private JournalEntry[] decoded = new JournalEntry[4];
    private long[] sizes = new long[4];
    private int head;
    private int count;
    private long bytes;
    private long sequence;
    @SuppressWarnings("unchecked")
    private final ArrayDeque<byte[]>[] free = new ArrayDeque[CLASSES];

    public Journal(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /**
     * Records one exchange.
     *
     * @param request the request body as received: the entry keeps a bounded, redacted copy
     */
    public void record(Instant time, String requestId, String operation, String account,
                       String region, Map<String, Object> request, int status, String errorCode,
                       String errorMessage, String fault) {
        record(time, requestId, operation, account, region, request, null, status, errorCode, errorMessage, fault,
                null, null);
    }

    /**
     * Records one exchange with the real time it took and the response body sent.
     *
     * @param request      the request body as received: the entry keeps a bounded, redacted copy
     * @param latency      from the request's receipt to its answer; null when not measured
     * @param responseBody the bytes answered; null when none were sent
     */
    public void record(Instant time, String requestId, String operation, String account,
                       String region, Map<String, Object> request, int status, String errorCode,
                       String errorMessage, String fault, Duration latency, byte[] responseBody) {
        record(time, requestId, operation, account, region, request, null, status, errorCode, errorMessage,
                fault, latency, responseBody);
    }

    /**
     * Records one exchange whose request body parsed to {@code request} from {@code requestJson}: a
     * small body without a secret is kept as those bytes and rendered when the journal is first read
     * (the same request a copy would show). Null {@code requestJson} means copy at once.
     */
    public void record(Instant time, String requestId, String operation, String account,
                       String region, Map<String, Object> request, byte[] requestJson, int status,
                       String errorCode, String errorMessage, String fault, Duration latency,
                       byte[] responseBody) {
        byte[] body;
        int flags = 0;
        // One loop over the entry's strings, not a call per field: this method runs on every call, and
        // each call site is code a test JVM compiles (docs/benchmarks.md, "A consumer suite: what the
        // JIT compiles").
        String[] texts = {requestId, operation, account, region, errorCode, errorMessage, fault};
        byte[][] strings = new byte[texts.length][];
        // The byte bound counts what a request body takes once decoded (what a read of the journal
        // holds), not its encoded bytes: about four bytes of heap per byte of JSON; a response body
        // counts its bytes until a read decodes it, as before entries were encoded.
        long size = 256 + (responseBody == null ? 0 : 16 + responseBody.length);
        int length = 8 + 8 + 4 + 4 + 8 + 1 + 4 + 4 + (responseBody == null ? 0 : responseBody.length);
        for (int i = 0; i < texts.length; i++) {
            size += chars(texts[i]);
            strings[i] = utf8(texts[i]);
            length += 4 + (strings[i] == null ? 0 : strings[i].length);
        }
        if (requestJson != null && requestJson.length <= LAZY_REQUEST_MAX_BYTES && request != null
                && !holdsSecret(request)) {
            body = requestJson;
            flags |= RAW_REQUEST;
            size += 64 + 4L * requestJson.length;
        } else if (request == null || request.isEmpty()) {
            body = EMPTY;
        } else {
            // Bound and redact the body before taking the lock: the copy of a large body is the costly part.
            Bounded bounded = new Bounded();
            body = Json.writeBytes(bounded.copy(request, true));
            if (bounded.truncated) {
                flags |= REQUEST_TRUNCATED;
            }
            size += bounded.bytes;
        }
        if (responseBody != null) {
            flags |= HAS_RESPONSE;
        }
        if (latency != null) {
            flags |= HAS_LATENCY;
        }
        length += body.length;
        synchronized (this) {
            byte[] out = take(length);
            Writer w = new Writer(out);
            w.putLong(++sequence);
            w.putLong(time.getEpochSecond());
            w.putInt(time.getNano());
            w.putInt(status);
            w.putLong(latency == null ? 0 : latency.toNanos());
            w.put((byte) flags);
            for (byte[] s : strings) {
                w.putBytes(s);
            }
            w.putBytes(body);
            w.putBytes(responseBody);
            add(out, Math.max(size, out.length + 48L));
        }
    }

    private static final byte[] EMPTY = new byte[0];

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    public synchronized List<JournalEntry> entries() {
        for (int i = 0; i < count; i++) {
            int slot = (head + i) % encoded.length;
            if (decoded[slot] == null) {
                decode(slot);
            }
        }
        trim(); // the decoded bodies take more room than their bytes did
        List<JournalEntry> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(decoded[(head + i) % encoded.length]);
        }
        return List.copyOf(list);
    }

    public synchronized void clear() {
        while (count > 0) {
            dropOldest();
        }
        bytes = 0;
    }

    // ------------------------------------------------------------------ the ring and the pool

    private void add(byte[] entry, long size) {
        if (count == encoded.length) {
            if (count < capacity) {
                grow();
            } else {
                dropOldest();
            }
        }
        int slot = (head + count) % encoded.length;
        encoded[slot] = entry;
        sizes[slot] = size;
        count++;
        bytes += size;
        trim();
    }

    private void grow() {
        int length = (int) Math.min(capacity, Math.max(8L, encoded.length * 2L));
        byte[][] e = new byte[length][];
        JournalEntry[] d = new JournalEntry[length];
        long[] s = new long[length];
        for (int i = 0; i < count; i++) {
            int from = (head + i) % encoded.length;
            e[i] = encoded[from];
            d[i] = decoded[from];
            s[i] = sizes[from];
        }
        encoded = e;
        decoded = d;
        sizes = s;
        head = 0;
    }

    private void trim() {
        while (count > capacity || (bytes > maxBytes && count > 1)) {
            dropOldest();
        }
    }

    private void dropOldest() {
        giveBack(encoded[head]);
        bytes -= sizes[head];
        encoded[head] = null;
        decoded[head] = null;
        sizes[head] = 0;
        head = (head + 1) % encoded.length;
        count--;
    }

    /** An array of at least {@code size} bytes: a pooled one when the size is pooled. */
    private byte[] take(int size) {
        int c = sizeClass(size);
        if (c < 0) {
            return new byte[size];
        }
        ArrayDeque<byte[]> pool = free[c];
        byte[] pooled = pool == null ? null : pool.pollLast();
        return pooled != null ? pooled : new byte[SMALLEST_CLASS << c];
    }

    private void giveBack(byte[] array) {
        if (array == null) {
            return;
        }
        int c = Integer.numberOfTrailingZeros(array.length / SMALLEST_CLASS);
        if (array.length < SMALLEST_CLASS || c >= CLASSES || (SMALLEST_CLASS << c) != array.length) {
            return; // an entry's own array
        }
        ArrayDeque<byte[]> pool = free[c];
        if (pool == null) {
            pool = free[c] = new ArrayDeque<>();
        }
        if (pool.size() < POOLED_PER_CLASS) {
            pool.addLast(array);
        }
    }

    /** The pooled size of an entry of {@code size} bytes, or -1 when it is too large to pool. */
    private static int sizeClass(int size) {
        int c = 0;
        while ((SMALLEST_CLASS << c) < size) {
            if (++c == CLASSES) {
                return -1;
            }
        }
        return c;
    }

    // ------------------------------------------------------------------ decoding

    /** Decodes an entry once: its bodies parsed, bounded and redacted; its array goes back to the pool. */
    @SuppressWarnings("unchecked")
    private void decode(int slot) {
        Reader r = new Reader(encoded[slot]);
        long seq = r.getLong();
        Instant time = Instant.ofEpochSecond(r.getLong(), r.getInt());
        int status = r.getInt();
        long latencyNanos = r.getLong();
        int flags = r.get();
        String requestId = r.getString();
        String operation = r.getString();
        String account = r.getString();
        String region = r.getString();
        String errorCode = r.getString();
        String errorMessage = r.getString();
        String fault = r.getString();
        String body = r.getString(); // the JSON text, decoded once: the parser reads text
        String response = r.getString();
        Map<String, Object> request;
        long size = 256 + chars(requestId) + chars(operation) + chars(account) + chars(region) + chars(errorCode)
                + chars(errorMessage) + chars(fault);
        boolean requestTruncated = (flags & REQUEST_TRUNCATED) != 0;
        if (body.isEmpty()) {
            request = Map.of();
        } else if ((flags & RAW_REQUEST) != 0) {
            Bounded bounded = new Bounded();
            request = (Map<String, Object>) bounded.copy(Json.parse(body), true); // at most LAZY_REQUEST_MAX_BYTES
            requestTruncated |= bounded.truncated;
            size += bounded.bytes;
        } else {
            request = (Map<String, Object>) Json.parse(body); // bounded and redacted when recorded
            size += 4L * body.length();
        }
        Map<String, Object> kept = null;
        boolean responseTruncated = false;
        if ((flags & HAS_RESPONSE) != 0) {
            Object parsed;
            try {
                parsed = Json.parse(response);
            } catch (Json.ParseException e) {
                parsed = null; // not JSON: nothing to show (a malformed-response fault is recorded without a body)
            }
            Bounded answered = new Bounded();
            kept = parsed instanceof Map ? (Map<String, Object>) answered.copy(parsed, true) : null;
            responseTruncated = answered.truncated;
            size += answered.bytes;
        }
        decoded[slot] = new JournalEntry(seq, time, requestId, operation, account, region, request, status, errorCode,
                errorMessage, fault, requestTruncated, (flags & HAS_LATENCY) != 0 ? Duration.ofNanos(latencyNanos) : null,
                kept, responseTruncated);
        giveBack(encoded[slot]);
        encoded[slot] = null;
        bytes += size - sizes[slot];
        sizes[slot] = size;
    }

    /** True when a {@code ClientSecret} would be redacted: one reached through objects only, not null. */
    private static boolean holdsSecret(Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if ("ClientSecret".equals(e.getKey()) && e.getValue() != null) {
                return true;
            }
            if (e.getValue() instanceof Map<?, ?> nested && holdsSecret(nested)) {
                return true;
            }
        }
        return false;
    }

    /** Big-endian fields into an entry's array. */
    private static final class Writer {
        private final byte[] b;
        private int at;

        Writer(byte[] b) {
            this.b = b;
        }

        void put(byte v) {
            b[at++] = v;
        }

        void putInt(int v) {
            b[at++] = (byte) (v >>> 24);
            b[at++] = (byte) (v >>> 16);
            b[at++] = (byte) (v >>> 8);
            b[at++] = (byte) v;
        }

        void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        /** A length (-1 for null) and the bytes. */
        void putBytes(byte[] v) {
            if (v == null) {
                putInt(-1);
                return;
            }
            putInt(v.length);
            System.arraycopy(v, 0, b, at, v.length);
            at += v.length;
        }
    }

    private static final class Reader {
        private final byte[] b;
        private int at;

        Reader(byte[] b) {
            this.b = b;
        }

        int get() {
            return b[at++] & 0xff;
        }

        int getInt() {
            int v = ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
            at += 4;
            return v;
        }

        long getLong() {
            return ((long) getInt() << 32) | (getInt() & 0xffffffffL);
        }

        String getString() {
            int length = getInt();
            if (length < 0) {
                return null;
            }
            String v = new String(b, at, length, StandardCharsets.UTF_8);
            at += length;
            return v;
        }
    }

    private static long chars(String s) {
        return s == null ? 0 : 40 + 2L * s.length();
    }

    /**
     * A copy of a JSON tree within {@link #MAX_RECORDED_BODY_CHARS}, with its estimated heap size,
     * redacted: a non-null {@code ClientSecret} of an object reached through objects only becomes
     * {@link #REDACTED}.
     */
    private static final class Bounded {
        long budget = MAX_RECORDED_BODY_CHARS;
        long bytes;
        boolean truncated;

        Object copy(Object value, boolean redacting) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                bytes += 64;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String key = (String) e.getKey();
                    if (budget < key.length()) {
                        truncated = true;
                        break;
                    }
                    budget -= key.length();
                    bytes += 48 + 2L * key.length();
                    Object member = redacting && "ClientSecret".equals(key) && e.getValue() != null
                            ? REDACTED : e.getValue();
                    copy.put(key, copy(member, redacting));
                }
                return copy;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                bytes += 40;
                for (Object item : list) {
                    if (budget <= 0) {
                        truncated = true;
                        break;
                    }
                    budget--; // the separator: a list of empty strings still has a cost
                    bytes += 8;
                    copy.add(copy(item, false));
                }
                return copy;
            }
            if (value instanceof String s) {
                int keep = (int) Math.min(s.length(), Math.min(MAX_RECORDED_STRING_CHARS, Math.max(0, budget)));
                budget -= keep;
                bytes += 40 + 2L * keep;
                if (keep < s.length()) {
                    truncated = true;
                    return s.substring(0, keep) + "...";
                }
                return s;
            }
            if (value instanceof BigDecimal d) {
                budget -= Math.min(budget, Json.numberText(d).length());
                bytes += 40;
            } else {
                budget--;
                bytes += 16;
            }
            return value;
        }
    }
}
