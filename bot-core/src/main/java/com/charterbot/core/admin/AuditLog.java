package com.charterbot.core.admin;

import java.util.List;

/** Where administrator actions are kept. */
public interface AuditLog {

    void append(AuditRecord record);

    /** Up to {@code limit} (0 or more) records, newest first; records at the same instant newest appended first. */
    List<AuditRecord> recent(int limit);
}
