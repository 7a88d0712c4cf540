package com.charterbot.app.persistence;

import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.activity.UnansweredQuestions;
import com.charterbot.core.values.Language;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link UnansweredQuestions} in the {@code unanswered_question} table: instant, language and the
 * text, stripped and cut to {@value UnansweredQuestions#MAX_TEXT} characters (one fewer when the
 * cut would split a surrogate pair); NUL characters, which PostgreSQL refuses, are dropped. No
 * user is stored. Instants are kept to the microsecond. Thread-safe.
 */
public final class JdbcUnansweredQuestions implements UnansweredQuestions {

    /** Query bounds are clamped to years both databases store. */
    private final JdbcClient jdbc;

    public JdbcUnansweredQuestions(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void record(Instant at, Language language, String text, String tenant) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(language, "language");
        String normalized = text.replace("\u0000", "").strip();
        if (normalized.isEmpty()) {
            return;
        }
        if (normalized.length() > MAX_TEXT) {
            int end = Character.isHighSurrogate(normalized.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
            normalized = normalized.substring(0, end);
        }
        jdbc.sql(
                        "INSERT INTO unanswered_question (occurred_at, language, question_text, tenant_key) VALUES (:at, :language, :text, :tenant)")
                .param("at", DbTime.timestamp(at))
                .param("language", language.tag())
                .param("text", normalized)
                .param("tenant", tenant, java.sql.Types.VARCHAR)
                .update();
    }

    /** Most asked first, then most recently asked, then first recorded; only the scope's tenants unless it covers everything. */
    @Override
    public List<Frequent> mostFrequent(Instant from, Instant to, int limit, StatsScope scope) {
        if (limit < 0) {
            throw new IllegalArgumentException("a limit is 0 or more, not " + limit);
        }
        if (limit == 0 || !scope.everything() && scope.tenants().isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT question_text, language, COUNT(*) AS asked, MAX(occurred_at) AS last_asked, MIN(id) AS first_id "
                                + "FROM unanswered_question WHERE occurred_at >= :from AND occurred_at < :to "
                                + (scope.everything() ? "" : "AND tenant_key IN (:tenants) ")
                                + "GROUP BY language, question_text "
                                + "ORDER BY asked DESC, last_asked DESC, first_id "
                                + "LIMIT :limit")
                .param("from", DbTime.bound(from))
                .param("to", DbTime.bound(to))
                .param("tenants", scope.everything() ? List.of("") : List.copyOf(scope.tenants()))
                .param("limit", limit)
                .query((rs, row) -> {
                    String tag = rs.getString("language");
                    return new Frequent(
                            rs.getString("question_text"),
                            Language.fromTag(tag)
                                    .orElseThrow(
                                            () -> new IllegalStateException("unknown language '" + tag + "' stored")),
                            rs.getInt("asked"),
                            rs.getObject("last_asked", OffsetDateTime.class).toInstant());
                })
                .list();
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM unanswered_question WHERE occurred_at < :cutoff")
                .param("cutoff", DbTime.bound(cutoff))
                .update();
    }
}
