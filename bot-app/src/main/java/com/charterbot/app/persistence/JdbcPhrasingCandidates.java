package com.charterbot.app.persistence;

import com.charterbot.core.phrasing.Candidate;
import com.charterbot.core.phrasing.PhrasingCandidates;
import com.charterbot.core.values.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link PhrasingCandidates} in the {@code phrasing_candidate} table, shared by every replica; one
 * row per language, text and section, counted up on each sighting. No user id. Thread-safe.
 */
public final class JdbcPhrasingCandidates implements PhrasingCandidates {

    private static final String COLUMNS =
            "id, question_text, section_id, language, seen_count, first_seen, last_seen, status";

    private final JdbcClient jdbc;

    public JdbcPhrasingCandidates(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void seen(String text, String sectionId, Language language, Instant at) {
        String kept = text.replace("\u0000", "");
        if (count(kept, sectionId, language, at) > 0) {
            return;
        }
        try {
            jdbc.sql(
                            "INSERT INTO phrasing_candidate (language, question_text, section_id, seen_count, first_seen, last_seen, status) "
                                    + "VALUES (:language, :text, :section, 1, :at, :at, 'PENDING') ON CONFLICT DO NOTHING")
                    .param("language", language.tag())
                    .param("text", kept)
                    .param("section", sectionId)
                    .param("at", DbTime.timestamp(at))
                    .update();
        } catch (DuplicateKeyException raceOnH2) {
            count(kept, sectionId, language, at);
        }
    }

    private int count(String text, String sectionId, Language language, Instant at) {
        return jdbc.sql("UPDATE phrasing_candidate SET seen_count = seen_count + 1, last_seen = :at "
                        + "WHERE language = :language AND question_text = :text AND section_id = :section")
                .param("at", DbTime.timestamp(at))
                .param("language", language.tag())
                .param("text", text)
                .param("section", sectionId)
                .update();
    }

    @Override
    public List<Candidate> pending(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM phrasing_candidate WHERE status = 'PENDING' "
                        + "ORDER BY seen_count DESC, last_seen DESC, id LIMIT :limit")
                .param("limit", limit)
                .query(JdbcPhrasingCandidates::read)
                .list();
    }

    @Override
    public Optional<Candidate> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM phrasing_candidate WHERE id = :id")
                .param("id", id)
                .query(JdbcPhrasingCandidates::read)
                .optional();
    }

    @Override
    public boolean decide(long id, Candidate.Status status, String sectionId, Instant at) {
        try {
            return jdbc.sql("UPDATE phrasing_candidate SET status = :status, section_id = :section, decided_at = :at "
                                    + "WHERE id = :id AND status = 'PENDING'")
                            .param("status", status.name())
                            .param("section", sectionId)
                            .param("at", DbTime.timestamp(at))
                            .param("id", id)
                            .update()
                    == 1;
        } catch (DuplicateKeyException sameTextThere) {
            // The text is already a candidate of that section: approve that one instead, drop this one.
            jdbc.sql(
                            "UPDATE phrasing_candidate SET status = :status, decided_at = :at WHERE section_id = :section AND status = 'PENDING' "
                                    + "AND (language, question_text) IN (SELECT language, question_text FROM phrasing_candidate WHERE id = :id)")
                    .param("status", status.name())
                    .param("section", sectionId)
                    .param("at", DbTime.timestamp(at))
                    .param("id", id)
                    .update();
            return jdbc.sql("DELETE FROM phrasing_candidate WHERE id = :id AND status = 'PENDING'")
                            .param("id", id)
                            .update()
                    == 1;
        }
    }

    @Override
    public List<Candidate> approved() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM phrasing_candidate WHERE status = 'APPROVED' ORDER BY id")
                .query(JdbcPhrasingCandidates::read)
                .list();
    }

    @Override
    public void exported(List<Long> ids) {
        for (Long id : ids) {
            jdbc.sql("DELETE FROM phrasing_candidate WHERE id = :id AND status = 'APPROVED'")
                    .param("id", id)
                    .update();
        }
    }

    @Override
    public int purgePendingBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM phrasing_candidate WHERE status = 'PENDING' AND last_seen < :cutoff")
                .param("cutoff", DbTime.bound(cutoff))
                .update();
    }

    private static Candidate read(ResultSet rs, int row) throws SQLException {
        String tag = rs.getString("language");
        return new Candidate(
                rs.getLong("id"),
                rs.getString("question_text"),
                rs.getString("section_id"),
                Language.fromTag(tag)
                        .orElseThrow(() -> new IllegalStateException("unknown language '" + tag + "' stored")),
                rs.getInt("seen_count"),
                DbTime.instant(rs, "first_seen"),
                DbTime.instant(rs, "last_seen"),
                Candidate.Status.valueOf(rs.getString("status")));
    }
}
