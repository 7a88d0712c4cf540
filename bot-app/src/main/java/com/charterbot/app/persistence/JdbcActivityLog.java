package com.charterbot.app.persistence;

import com.charterbot.core.activity.ActivityCounts;
import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.AnswerFeedback;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An {@link ActivityLog} in four tables: {@code activity_question}, {@code activity_quiz_answer},
 * {@code activity_nudge} and {@code activity_feedback}.
 *
 * <p>A quiz participant is stored only as their pseudonym (see {@link PseudonymousIds}) with the
 * platform and tenant. The user id cannot be recovered from it, so quiz answers read back have
 * {@code participant = UserRef(platform, tenant, <pseudonym>)}: the same person always reads back
 * the same, which is all statistics need (they count distinct participants). Queries return
 * entries oldest first (then in the order recorded). Instants are kept to the microsecond. Old
 * entries are removed with {@link #purgeBefore}. Thread-safe.
 */
public final class JdbcActivityLog implements ActivityLog {

    /** Query bounds are clamped to years both databases store. */
    private static final String QUIZ_COLUMNS =
            "occurred_at, section_id, question_id, correct, channel_platform, channel_tenant, channel_id, "
                    + "participant_platform, participant_tenant, participant_pseudonym";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final PseudonymousIds pseudonyms;

    public JdbcActivityLog(DataSource dataSource, PseudonymousIds pseudonyms) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.batches = new NamedParameterJdbcTemplate(dataSource);
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    @Override
    public void record(QuestionAsked event) {
        recordAll(List.of(Objects.requireNonNull(event, "event")));
    }

    /** Records several questions in one batch of statements (see {@link BatchedQuestions}). */
    void recordAll(List<QuestionAsked> events) {
        if (events.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = events.stream()
                .map(event -> new MapSqlParameterSource()
                        .addValue("at", DbTime.timestamp(event.at()))
                        .addValue("language", event.language().tag())
                        .addValue("tier", event.tier().name())
                        .addValue("section", event.sectionId(), Types.VARCHAR)
                        .addValue("tenant", event.tenant(), Types.VARCHAR))
                .toArray(SqlParameterSource[]::new);
        batches.batchUpdate(
                "INSERT INTO activity_question (occurred_at, language, tier, section_id, tenant_key) "
                        + "VALUES (:at, :language, :tier, :section, :tenant)",
                rows);
    }

    @Override
    public void record(QuizAnswered event) {
        Objects.requireNonNull(event, "event");
        ChannelRef channel = event.channel();
        UserRef participant = event.participant();
        jdbc.sql("INSERT INTO activity_quiz_answer (" + QUIZ_COLUMNS + ") VALUES (:at, :section, :question, :correct, "
                        + ":channelPlatform, :channelTenant, :channelId, :platform, :tenant, :pseudonym)")
                .param("at", DbTime.timestamp(event.at()))
                .param("section", event.sectionId())
                .param("question", event.questionId())
                .param("correct", event.correct())
                .param(
                        "channelPlatform",
                        channel == null ? null : channel.platform().name(),
                        Types.VARCHAR)
                .param("channelTenant", channel == null ? null : channel.tenant(), Types.VARCHAR)
                .param("channelId", channel == null ? null : channel.channelId(), Types.VARCHAR)
                .param("platform", participant.platform().name())
                .param("tenant", participant.tenant())
                .param("pseudonym", pseudonyms.of(participant))
                .update();
    }

    @Override
    public void record(NudgeSent event) {
        Objects.requireNonNull(event, "event");
        jdbc.sql(
                        "INSERT INTO activity_nudge (occurred_at, platform, tenant, channel_id, kind) VALUES (:at, :platform, :tenant, :channelId, :kind)")
                .param("at", DbTime.timestamp(event.at()))
                .param("platform", event.channel().platform().name())
                .param("tenant", event.channel().tenant())
                .param("channelId", event.channel().channelId())
                .param("kind", event.kind().name())
                .update();
    }

    @Override
    public void record(AnswerFeedback event) {
        Objects.requireNonNull(event, "event");
        jdbc.sql("INSERT INTO activity_feedback (occurred_at, language, tier, section_id, helpful, tenant_key) "
                        + "VALUES (:at, :language, :tier, :section, :helpful, :tenant)")
                .param("at", DbTime.timestamp(event.at()))
                .param("language", event.language().tag())
                .param("tier", event.tier().name())
                .param("section", event.sectionId(), Types.VARCHAR)
                .param("helpful", event.helpful())
                .param("tenant", event.tenant(), Types.VARCHAR)
                .update();
    }

    @Override
    public List<QuestionAsked> questions(Instant from, Instant to) {
        return between("SELECT occurred_at, language, tier, section_id, tenant_key FROM activity_question", from, to)
                .query((rs, row) -> new QuestionAsked(
                        at(rs),
                        language(rs),
                        Tier.valueOf(rs.getString("tier")),
                        rs.getString("section_id"),
                        rs.getString("tenant_key")))
                .list();
    }

    /** Quiz answers in [from, to); participants are pseudonyms (see the class comment). */
    @Override
    public List<QuizAnswered> quizAnswers(Instant from, Instant to) {
        return between("SELECT " + QUIZ_COLUMNS + " FROM activity_quiz_answer", from, to)
                .query(JdbcActivityLog::quizAnswer)
                .list();
    }

    /** Channel micro-quiz answers in the channel at or after {@code since}; participants are pseudonyms. */
    @Override
    public List<QuizAnswered> quizAnswers(ChannelRef channel, Instant since) {
        Objects.requireNonNull(channel, "channel");
        return jdbc.sql("SELECT " + QUIZ_COLUMNS + " FROM activity_quiz_answer "
                        + "WHERE channel_platform = :platform AND channel_tenant = :tenant AND channel_id = :channelId AND occurred_at >= :since "
                        + "ORDER BY occurred_at, id")
                .param("platform", channel.platform().name())
                .param("tenant", channel.tenant())
                .param("channelId", channel.channelId())
                .param("since", DbTime.bound(since))
                .query(JdbcActivityLog::quizAnswer)
                .list();
    }

    @Override
    public List<NudgeSent> nudges(Instant from, Instant to) {
        return between("SELECT occurred_at, platform, tenant, channel_id, kind FROM activity_nudge", from, to)
                .query((rs, row) -> new NudgeSent(
                        at(rs),
                        new ChannelRef(
                                Platform.valueOf(rs.getString("platform")),
                                rs.getString("tenant"),
                                rs.getString("channel_id")),
                        NudgeSent.Kind.valueOf(rs.getString("kind"))))
                .list();
    }

    @Override
    public List<AnswerFeedback> feedback(Instant from, Instant to) {
        return between(
                        "SELECT occurred_at, language, tier, section_id, helpful, tenant_key FROM activity_feedback",
                        from,
                        to)
                .query((rs, row) -> new AnswerFeedback(
                        at(rs),
                        language(rs),
                        Tier.valueOf(rs.getString("tier")),
                        rs.getString("section_id"),
                        rs.getBoolean("helpful"),
                        rs.getString("tenant_key")))
                .list();
    }

    /** Deletes the person's quiz answers, the only activity entries about a person. */
    @Override
    public void forget(UserRef user) {
        Objects.requireNonNull(user, "user");
        jdbc.sql("DELETE FROM activity_quiz_answer WHERE participant_pseudonym = :pseudonym")
                .param("pseudonym", pseudonyms.of(user))
                .update();
    }

    /**
     * Counts in the database, in one statement: the periods are a table of their own (a VALUES list),
     * each entry joined to every period that holds it, then a grouped query per kind of entry, joined
     * with UNION ALL. Only the groups (kind, period, section, tenant...) come back; those of tenants
     * out of the scope are skipped. One pass over the entries, however many periods overlap.
     */
    @Override
    public List<ActivityCounts> count(List<ActivityCounts.Period> periods, StatsScope scope) {
        Objects.requireNonNull(scope, "scope");
        if (Objects.requireNonNull(periods, "periods").isEmpty()) {
            return List.of();
        }
        List<ActivityCounts.Tally> tallies = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        StringJoiner rows = new StringJoiner(", ", "WITH periods (slot, period_from, period_to) AS (VALUES ", ") ");
        for (int i = 0; i < periods.size(); i++) {
            ActivityCounts.Period period = periods.get(i);
            tallies.add(new ActivityCounts.Tally());
            params.put("f" + i, DbTime.bound(period.from()));
            params.put("t" + i, DbTime.bound(period.to()));
            rows.add("(" + i + ", CAST(:f" + i + " AS TIMESTAMP WITH TIME ZONE), CAST(:t" + i
                    + " AS TIMESTAMP WITH TIME ZONE))");
        }
        ActivityCounts.Period span = ActivityCounts.Period.spanning(periods);
        params.put("earliest", DbTime.bound(span.from()));
        params.put("latest", DbTime.bound(span.to()));
        // The outer bounds let the database use its index on occurred_at before the join.
        String within = " e JOIN periods p ON e.occurred_at >= p.period_from AND e.occurred_at < p.period_to"
                + " WHERE e.occurred_at >= :earliest AND e.occurred_at < :latest";
        String people = "participant_platform, participant_tenant";
        // Columns: what, slot, section, detail (tier or nudge kind), platform (null: tenant is a key), tenant, n,
        // right_answers.
        String sql = rows
                + "SELECT 'question' AS what, slot, section_id AS section, tier AS detail, "
                + "CAST(NULL AS VARCHAR(16)) AS platform, tenant_key AS tenant, COUNT(*) AS n, 0 AS right_answers "
                + "FROM activity_question" + within
                + " GROUP BY slot, section_id, tier, tenant_key"
                + " UNION ALL SELECT 'quiz', slot, section_id, NULL, " + people + ", COUNT(*), "
                + "SUM(CASE WHEN correct THEN 1 ELSE 0 END) "
                + "FROM activity_quiz_answer" + within
                + " GROUP BY slot, section_id, " + people
                // A person is a pseudonym within a tenant: distinct pseudonyms per tenant add up. DISTINCT
                // first, then COUNT: the database can hash the first, while COUNT(DISTINCT) sorts.
                + " UNION ALL SELECT 'people', slot, NULL, NULL, " + people + ", COUNT(*), 0 "
                + "FROM (SELECT DISTINCT slot, participant_pseudonym, " + people
                + " FROM activity_quiz_answer" + within + ") t"
                + " GROUP BY slot, " + people
                + " UNION ALL SELECT 'nudge', slot, NULL, kind, platform, tenant, COUNT(*), 0 "
                + "FROM activity_nudge" + within
                + " GROUP BY slot, platform, tenant, kind";
        jdbc.sql(sql).params(params).query(rs -> {
            String platform = rs.getString("platform");
            String tenant = rs.getString("tenant");
            if (!scope.covers(
                    platform == null ? tenant : Platform.valueOf(platform).tenantKey(tenant))) {
                return;
            }
            ActivityCounts.Tally period = tallies.get(rs.getInt("slot"));
            int n = rs.getInt("n");
            switch (rs.getString("what")) {
                case "question" -> period.questions(rs.getString("section"), Tier.valueOf(rs.getString("detail")), n);
                case "quiz" -> period.quizAnswers(rs.getString("section"), n, rs.getInt("right_answers"));
                case "people" -> period.participants(n);
                default -> period.nudges(NudgeSent.Kind.valueOf(rs.getString("detail")), n);
            }
        });
        return tallies.stream().map(ActivityCounts.Tally::counts).toList();
    }

    /** Deletes every entry (questions, quiz answers, nudges, feedback) before the cutoff and returns how many were deleted. */
    public int purgeBefore(Instant cutoff) {
        OffsetDateTime bound = DbTime.bound(cutoff);
        int deleted = 0;
        for (String table :
                List.of("activity_question", "activity_quiz_answer", "activity_nudge", "activity_feedback")) {
            deleted += jdbc.sql("DELETE FROM " + table + " WHERE occurred_at < :cutoff")
                    .param("cutoff", bound)
                    .update();
        }
        return deleted;
    }

    private JdbcClient.StatementSpec between(String select, Instant from, Instant to) {
        return jdbc.sql(select + " WHERE occurred_at >= :from AND occurred_at < :to ORDER BY occurred_at, id")
                .param("from", DbTime.bound(from))
                .param("to", DbTime.bound(to));
    }

    private static QuizAnswered quizAnswer(ResultSet rs, int row) throws SQLException {
        String channelPlatform = rs.getString("channel_platform");
        ChannelRef channel = channelPlatform == null
                ? null
                : new ChannelRef(
                        Platform.valueOf(channelPlatform), rs.getString("channel_tenant"), rs.getString("channel_id"));
        UserRef participant = new UserRef(
                Platform.valueOf(rs.getString("participant_platform")),
                rs.getString("participant_tenant"),
                rs.getString("participant_pseudonym"));
        return new QuizAnswered(
                at(rs),
                rs.getString("section_id"),
                rs.getString("question_id"),
                rs.getBoolean("correct"),
                channel,
                participant);
    }

    private static Instant at(ResultSet rs) throws SQLException {
        return rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
    }

    private static Language language(ResultSet rs) throws SQLException {
        String tag = rs.getString("language");
        return Language.fromTag(tag)
                .orElseThrow(() -> new IllegalStateException("unknown language '" + tag + "' stored"));
    }
}
