package io.github.sagemakerfake.internal.journal;

import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.internal.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
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
 * is copied in (docs/fidelity.md, "Test-support behaviour"). A small body without a secret is not
 * copied at all: the entry keeps the request's JSON bytes and renders them on the first read of the
 * journal, since most entries are never read (docs/benchmarks.md, "A test as cheap as a mock").
 */
public final class Journal {

    /** How much of one request body is kept, in characters of its strings, numbers and member names. */
    public static final int MAX_RECORDED_BODY_CHARS = 64 * 1024;
    /** The longest string kept whole in a recorded body; longer ones keep this many characters and "...". */
    public static final int MAX_RECORDED_STRING_CHARS = 8 * 1024;
    /** What the journal shows instead of a {@code ClientSecret}. */
    public static final String REDACTED = "*** redacted ***";

    private final int capacity;
    private final long maxBytes;
    private final ArrayDeque<Recorded> entries = new ArrayDeque<>();
    private long bytes;
    private long sequence;

    /**
     * The largest body kept as its bytes and rendered only when the journal is read: below
     * {@link #MAX_RECORDED_STRING_CHARS}, so such a body is never truncated and its rendering is
     * the whole body (docs/benchmarks.md, "A test as cheap as a mock").
     */
    static final int LAZY_MAX_BYTES = 4 * 1024;

    /**
     * One entry: rendered at once, or kept as the request's JSON bytes and rendered on the first read
     * (then the bytes are dropped). Guarded by the journal's lock.
     */
    private static final class Recorded {
        final long bytes;
        JournalEntry entry;
        // Lazily rendered entries: the entry's parts until the first read.
        long sequence;
        Instant time;
        String requestId;
        String operation;
        String account;
        String region;
        byte[] json;
        int status;
        String errorCode;
        String errorMessage;
        String fault;

        Recorded(JournalEntry entry, long bytes) {
            this.entry = entry;
            this.bytes = bytes;
        }

        Recorded(long bytes) {
            this.bytes = bytes;
        }

        JournalEntry entry() {
            if (entry == null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> parsed = json.length == 0 ? new LinkedHashMap<>()
                        : (Map<String, Object>) Json.parseRequest(json);
                @SuppressWarnings("unchecked")
                Map<String, Object> kept = (Map<String, Object>) new Bounded().copy(parsed, true);
                entry = new JournalEntry(sequence, time, requestId, operation, account, region, kept, status,
                        errorCode, errorMessage, fault, false);
                json = null;
                time = null;
            }
            return entry;
        }
    }

    public Journal(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /**
     * Records one exchange.
     *
     * @param request the request body as received: the entry keeps a bounded, redacted copy
     */
    public JournalEntry record(Instant time, String requestId, String operation, String account,
                               String region, Map<String, Object> request, int status, String errorCode,
                               String errorMessage, String fault) {
        // Bound the body before taking the lock: the copy of a large body is the costly part.
        Bounded bounded = new Bounded();
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = request == null ? Map.of() : (Map<String, Object>) bounded.copy(request, true);
        long size = 256 + bounded.bytes + chars(requestId) + chars(operation) + chars(account) + chars(region)
                + chars(errorCode) + chars(errorMessage) + chars(fault);
        synchronized (this) {
            JournalEntry entry = new JournalEntry(++sequence, time, requestId, operation, account, region, kept,
                    status, errorCode, errorMessage, fault, bounded.truncated);
            add(new Recorded(entry, size));
            return entry;
        }
    }

    /**
     * Records one exchange whose body parsed to {@code request} from {@code json}: a small body without
     * a secret is kept as those bytes, not copied, and rendered when the journal is first read (the
     * same entry {@link #record} would make); any other body is recorded by {@link #record}. The
     * caller hands over {@code json}: it must not change afterwards.
     */
    public void recordLazily(Instant time, String requestId, String operation, String account, String region,
                             Map<String, Object> request, byte[] json, int status, String errorCode,
                             String errorMessage, String fault) {
        if (json == null || json.length > LAZY_MAX_BYTES || request == null || holdsSecret(request)) {
            record(time, requestId, operation, account, region, request, status, errorCode, errorMessage, fault);
            return;
        }
        // The estimate of the rendered copy that record() makes: about four bytes of heap per byte of JSON.
        long size = 256 + 64 + 4L * json.length + chars(requestId) + chars(operation) + chars(account)
                + chars(region) + chars(errorCode) + chars(errorMessage) + chars(fault);
        Recorded recorded = new Recorded(size);
        recorded.time = time;
        recorded.requestId = requestId;
        recorded.operation = operation;
        recorded.account = account;
        recorded.region = region;
        recorded.json = json;
        recorded.status = status;
        recorded.errorCode = errorCode;
        recorded.errorMessage = errorMessage;
        recorded.fault = fault;
        synchronized (this) {
            recorded.sequence = ++sequence;
            add(recorded);
        }
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

    private void add(Recorded recorded) {
        entries.addLast(recorded);
        bytes += recorded.bytes;
        while (entries.size() > capacity || (bytes > maxBytes && entries.size() > 1)) {
            bytes -= entries.removeFirst().bytes;
        }
    }

    public synchronized List<JournalEntry> entries() {
        List<JournalEntry> list = new ArrayList<>(entries.size());
        entries.forEach(r -> list.add(r.entry()));
        return List.copyOf(list);
    }

    public synchronized void clear() {
        entries.clear();
        bytes = 0;
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
