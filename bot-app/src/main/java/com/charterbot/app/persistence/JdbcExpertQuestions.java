package com.charterbot.app.persistence;

import com.charterbot.core.experts.ExpertQuestion;
import com.charterbot.core.experts.ExpertQuestions;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ExpertQuestions} in the {@code expert_question} table, shared by every replica. The asker
 * is kept as their platform id (to send the answer) and their pseudonym (for "forget me"), both
 * set to NULL with the text once the question is closed. {@link #close} is one conditional
 * {@code UPDATE}: of two experts answering at once, the database lets one through. Thread-safe.
 */
public final class JdbcExpertQuestions implements ExpertQuestions {

    private static final String COLUMNS =
            "id, tenant_key, asker_platform, asker_tenant, asker_id, asker_name, question_text, language, "
                    + "section_ids, asked_at, status, channel_tenant, channel_id, card_id, closed_at, closed_by, reminded_at";

    private final JdbcClient jdbc;
    private final PseudonymousIds pseudonyms;

    public JdbcExpertQuestions(DataSource dataSource, PseudonymousIds pseudonyms) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    @Override
    public void add(ExpertQuestion q) {
        jdbc.sql(
                        "INSERT INTO expert_question (id, tenant_key, asker_pseudonym, asker_platform, asker_tenant, asker_id, asker_name, "
                                + "question_text, language, section_ids, asked_at, status, closed_by) VALUES (:id, :tenant, :pseudonym, :platform, "
                                + ":askerTenant, :askerId, :name, :text, :language, :sections, :askedAt, :status, '')")
                .param("id", q.id())
                .param("tenant", q.tenant())
                .param("pseudonym", q.asker() == null ? null : pseudonyms.of(q.asker()), Types.VARCHAR)
                .param(
                        "platform",
                        q.asker() == null ? null : q.asker().platform().name(),
                        Types.VARCHAR)
                .param("askerTenant", q.asker() == null ? null : q.asker().tenant(), Types.VARCHAR)
                .param("askerId", q.asker() == null ? null : q.asker().userId(), Types.VARCHAR)
                .param("name", clip(q.askerName(), 200))
                .param("text", q.text() == null ? null : q.text().replace("\u0000", ""), Types.VARCHAR)
                .param("language", q.language().tag())
                .param("sections", String.join(",", q.sections()))
                .param("askedAt", DbTime.timestamp(q.askedAt()))
                .param("status", q.status().name())
                .update();
    }

    @Override
    public Optional<ExpertQuestion> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM expert_question WHERE id = :id")
                .param("id", id)
                .query(JdbcExpertQuestions::read)
                .optional();
    }

    @Override
    public void posted(String id, ChannelRef channel, String cardId) {
        jdbc.sql(
                        "UPDATE expert_question SET channel_tenant = :tenant, channel_id = :channel, card_id = :card WHERE id = :id")
                .param("tenant", channel.tenant())
                .param("channel", channel.channelId())
                .param("card", clip(cardId, 200))
                .param("id", id)
                .update();
    }

    @Override
    public boolean close(String id, ExpertQuestion.Status status, String by, Instant at) {
        return jdbc.sql(
                                "UPDATE expert_question SET status = :status, closed_by = :by, closed_at = :at WHERE id = :id AND status = 'OPEN'")
                        .param("status", status.name())
                        .param("by", clip(by, 200))
                        .param("at", DbTime.timestamp(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public void reopen(String id) {
        jdbc.sql(
                        "UPDATE expert_question SET status = 'OPEN', closed_by = '', closed_at = NULL "
                                + "WHERE id = :id AND status <> 'FORGOTTEN' AND question_text IS NOT NULL AND asker_id IS NOT NULL")
                .param("id", id)
                .update();
    }

    @Override
    public void erase(String id) {
        jdbc.sql("UPDATE expert_question SET " + ERASED + " WHERE id = :id AND status <> 'OPEN'")
                .param("id", id)
                .update();
    }

    private static final String ERASED =
            "asker_pseudonym = NULL, asker_platform = NULL, asker_tenant = NULL, asker_id = NULL, "
                    + "asker_name = '', question_text = NULL";

    @Override
    public void forget(UserRef asker) {
        jdbc.sql("UPDATE expert_question SET " + ERASED + ", status = 'FORGOTTEN', closed_at = asked_at "
                        + "WHERE asker_pseudonym = :pseudonym AND status = 'OPEN'")
                .param("pseudonym", pseudonyms.of(asker))
                .update();
        // Closed questions hold no asker; an answer being delivered right now erases itself after delivery.
    }

    @Override
    public List<ExpertQuestion> askedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM expert_question WHERE asked_at >= :from AND asked_at < :to ORDER BY asked_at, id")
                .param("from", DbTime.bound(from))
                .param("to", DbTime.bound(to))
                .query(JdbcExpertQuestions::read)
                .list();
    }

    @Override
    public List<ExpertQuestion> dueForReminder(Instant askedBefore) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM expert_question WHERE status = 'OPEN' AND reminded_at IS NULL AND asked_at < :before "
                        + "ORDER BY asked_at, id")
                .param("before", DbTime.bound(askedBefore))
                .query(JdbcExpertQuestions::read)
                .list();
    }

    @Override
    public void reminded(String id, Instant at) {
        jdbc.sql("UPDATE expert_question SET reminded_at = :at WHERE id = :id")
                .param("at", DbTime.timestamp(at))
                .param("id", id)
                .update();
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM expert_question WHERE asked_at < :cutoff")
                .param("cutoff", DbTime.bound(cutoff))
                .update();
    }

    private static ExpertQuestion read(ResultSet rs, int row) throws SQLException {
        String platform = rs.getString("asker_platform");
        String askerId = rs.getString("asker_id");
        UserRef asker = platform == null || askerId == null
                ? null
                : new UserRef(Platform.valueOf(platform), rs.getString("asker_tenant"), askerId);
        String channelId = rs.getString("channel_id");
        String tenantKey = rs.getString("tenant_key");
        Platform questionPlatform =
                Platform.valueOf(tenantKey.substring(0, tenantKey.indexOf(':')).toUpperCase(java.util.Locale.ROOT));
        ChannelRef channel =
                channelId == null ? null : new ChannelRef(questionPlatform, rs.getString("channel_tenant"), channelId);
        String tag = rs.getString("language");
        String sections = rs.getString("section_ids");
        return new ExpertQuestion(
                rs.getString("id"),
                tenantKey,
                asker,
                rs.getString("asker_name"),
                rs.getString("question_text"),
                Language.fromTag(tag)
                        .orElseThrow(() -> new IllegalStateException("unknown language '" + tag + "' stored")),
                sections.isEmpty() ? List.of() : Arrays.asList(sections.split(",")),
                DbTime.instant(rs, "asked_at"),
                ExpertQuestion.Status.valueOf(rs.getString("status")),
                channel,
                rs.getString("card_id"),
                optionalInstant(rs, "closed_at"),
                rs.getString("closed_by"),
                optionalInstant(rs, "reminded_at"));
    }

    private static Instant optionalInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
