package com.charterbot.app.persistence;

import com.charterbot.core.admin.AuditLog;
import com.charterbot.core.admin.AuditRecord;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An {@link AuditLog} in the {@code audit_log} table, keeping every record.
 *
 * <p>Who acted is stored only as their pseudonym (see {@link PseudonymousIds}) with the platform
 * and tenant; nothing else about the person. The user id cannot be recovered from the pseudonym,
 * so the records read back have {@code who = UserRef(platform, tenant, <pseudonym>)}: the same
 * administrator always reads back the same, and {@code pseudonyms.of(user)} tells whether a record
 * is someone's. Instants are kept to the microsecond; a NUL character (which PostgreSQL refuses in
 * text) is stored as U+FFFD. Thread-safe.
 */
public final class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final PseudonymousIds pseudonyms;

    public JdbcAuditLog(DataSource dataSource, PseudonymousIds pseudonyms) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    @Override
    public void append(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        jdbc.sql(
                        "INSERT INTO audit_log (occurred_at, platform, tenant, who_pseudonym, action, target, before_value, after_value) "
                                + "VALUES (:at, :platform, :tenant, :who, :action, :target, :before, :after)")
                .param("at", DbTime.timestamp(record.at()))
                .param("platform", record.who().platform().name())
                .param("tenant", record.who().tenant())
                .param("who", pseudonyms.of(record.who()))
                .param("action", record.action())
                .param("target", clean(record.target()))
                .param("before", clean(record.before()))
                .param("after", clean(record.after()))
                .update();
    }

    /** Newest first, records at the same instant newest appended first; {@code who} is a pseudonym (see the class comment). */
    @Override
    public List<AuditRecord> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a limit is 0 or more, not " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT occurred_at, platform, tenant, who_pseudonym, action, target, before_value, after_value "
                                + "FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(JdbcAuditLog::record)
                .list();
    }

    private static AuditRecord record(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(
                new UserRef(
                        Platform.valueOf(rs.getString("platform")),
                        rs.getString("tenant"),
                        rs.getString("who_pseudonym")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("before_value"),
                rs.getString("after_value"));
    }

    private static String clean(String text) {
        return text.replace('\u0000', '\uFFFD');
    }
}
