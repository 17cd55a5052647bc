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
 * is copied in (docs/fidelity.md, "Test-support behaviour").
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

    private record Recorded(JournalEntry entry, long bytes) {
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
            entries.addLast(new Recorded(entry, size));
            bytes += size;
            while (entries.size() > capacity || (bytes > maxBytes && entries.size() > 1)) {
                bytes -= entries.removeFirst().bytes();
            }
            return entry;
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
