package com.charterbot.core.memory;

import com.charterbot.core.admin.AuditLog;
import com.charterbot.core.admin.AuditRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** An {@link AuditLog} in memory keeping the latest records only, for tests and single-process use. Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    /** Sorted oldest first, equal instants in the order appended. */
    private final List<AuditRecord> records = new ArrayList<>();

    public InMemoryAuditLog() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity how many records to keep; the oldest are dropped beyond it */
    public InMemoryAuditLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an audit log keeps at least one record");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void append(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        int position = records.size();
        while (position > 0 && records.get(position - 1).at().isAfter(record.at())) {
            position--;
        }
        records.add(position, record);
        if (records.size() > capacity) {
            records.remove(0);
        }
    }

    @Override
    public synchronized List<AuditRecord> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a limit is 0 or more, not " + limit);
        }
        List<AuditRecord> newest =
                new ArrayList<>(records.subList(Math.max(0, records.size() - limit), records.size()));
        Collections.reverse(newest);
        return List.copyOf(newest);
    }
}
