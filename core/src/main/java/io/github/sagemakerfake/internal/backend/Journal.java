package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.control.JournalEntry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The requests a fake received, oldest first, bounded so a long-lived server cannot grow without end. */
public final class Journal {

    private final int capacity;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private long sequence;

    public Journal(int capacity) {
        this.capacity = capacity;
    }

    public synchronized JournalEntry record(Instant time, String requestId, String operation, String account,
                                            String region, Map<String, Object> request, int status, String errorCode,
                                            String errorMessage, String fault) {
        JournalEntry entry = new JournalEntry(++sequence, time, requestId, operation, account, region, request, status,
                errorCode, errorMessage, fault);
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
        return entry;
    }

    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
