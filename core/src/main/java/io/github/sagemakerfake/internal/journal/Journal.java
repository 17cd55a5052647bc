package io.github.sagemakerfake.internal.journal;

import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.internal.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
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
 * is copied in (docs/fidelity.md, "Test-support behaviour"). The response body an entry shows is
 * kept as the bytes sent and copied in the same way once, when the journal is first read
 * (docs/benchmarks.md, "The web console").
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

    /** One entry; its response body stays the bytes sent until the journal is first read. */
    private static final class Recorded {
        JournalEntry entry;
        byte[] responseBody;
        long bytes;

        Recorded(JournalEntry entry, byte[] responseBody, long bytes) {
            this.entry = entry;
            this.responseBody = responseBody;
            this.bytes = bytes;
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
        return record(time, requestId, operation, account, region, request, status, errorCode, errorMessage, fault,
                null, null);
    }

    /**
     * Records one exchange with the real time it took and the response body sent.
     *
     * @param request      the request body as received: the entry keeps a bounded, redacted copy
     * @param latency      from the request's receipt to its answer; null when not measured
     * @param responseBody the bytes answered, kept as they are (the caller does not change them
     *                     afterwards); null when none were sent
     */
    public JournalEntry record(Instant time, String requestId, String operation, String account,
                               String region, Map<String, Object> request, int status, String errorCode,
                               String errorMessage, String fault, Duration latency, byte[] responseBody) {
        // Bound the body before taking the lock: the copy of a large body is the costly part.
        Bounded bounded = new Bounded();
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = request == null ? Map.of() : (Map<String, Object>) bounded.copy(request, true);
        long size = 256 + bounded.bytes + chars(requestId) + chars(operation) + chars(account) + chars(region)
                + chars(errorCode) + chars(errorMessage) + chars(fault)
                + (responseBody == null ? 0 : 16 + responseBody.length);
        synchronized (this) {
            JournalEntry entry = new JournalEntry(++sequence, time, requestId, operation, account, region, kept,
                    status, errorCode, errorMessage, fault, bounded.truncated, latency, null, false);
            entries.addLast(new Recorded(entry, responseBody, size));
            bytes += size;
            trim();
            return entry;
        }
    }

    public synchronized List<JournalEntry> entries() {
        for (Recorded r : entries) {
            if (r.responseBody != null) {
                withResponse(r);
            }
        }
        trim(); // the parsed bodies take more room than their bytes did
        List<JournalEntry> list = new ArrayList<>(entries.size());
        entries.forEach(r -> list.add(r.entry));
        return List.copyOf(list);
    }

    /** Parses, bounds and redacts the response body once, replacing its bytes in the estimate. */
    @SuppressWarnings("unchecked")
    private void withResponse(Recorded r) {
        Object parsed;
        try {
            parsed = Json.parse(r.responseBody);
        } catch (Json.ParseException e) {
            parsed = null; // not JSON: nothing to show (a malformed-response fault is recorded without a body)
        }
        Bounded answered = new Bounded();
        Map<String, Object> kept = parsed instanceof Map ? (Map<String, Object>) answered.copy(parsed, true) : null;
        long grown = answered.bytes - (16 + r.responseBody.length);
        JournalEntry e = r.entry;
        r.entry = new JournalEntry(e.sequence(), e.time(), e.requestId(), e.operation(), e.account(), e.region(),
                e.request(), e.statusCode(), e.errorCode(), e.errorMessage(), e.fault(), e.requestTruncated(),
                e.latency(), kept, answered.truncated);
        r.responseBody = null;
        r.bytes += grown;
        bytes += grown;
    }

    private void trim() {
        while (entries.size() > capacity || (bytes > maxBytes && entries.size() > 1)) {
            bytes -= entries.removeFirst().bytes;
        }
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
