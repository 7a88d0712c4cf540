package com.charterbot.app.persistence;

import static com.charterbot.app.persistence.DbTime.bound;
import static com.charterbot.app.persistence.DbTime.instant;
import static com.charterbot.app.persistence.DbTime.timestamp;
import static com.charterbot.app.persistence.JdbcQuizProgressStore.person;
import static com.charterbot.app.persistence.JdbcQuizProgressStore.pseudonymOf;

import com.charterbot.core.quiz.ChannelQuiz;
import com.charterbot.core.quiz.ChannelQuizStore;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link ChannelQuizStore} in a SQL database (tables {@code channel_quiz} and
 * {@code channel_quiz_answer}), safe across processes and replicas: the answers' key (quiz,
 * person) lets only a person's first answer in.
 *
 * <p>People are stored only as their pseudonym, beside their platform and tenant; the answers given
 * back are keyed by {@code new UserRef(platform, tenant, pseudonym)}, not by the platform user.
 * Instants are kept to the microsecond.
 */
public final class JdbcChannelQuizStore implements ChannelQuizStore {

    private static final String SELECT = """
            SELECT q.id, q.platform, q.tenant, q.channel_id, q.question_id, q.language_tag, q.posted_at,
                a.user_pseudonym, a.platform AS answer_platform, a.tenant AS answer_tenant, a.option_index
            FROM channel_quiz q LEFT JOIN channel_quiz_answer a ON a.quiz_id = q.id
            """;
    private static final String UPDATE = """
            UPDATE channel_quiz SET platform = :platform, tenant = :tenant, channel_id = :channel, question_id = :question,
                language_tag = :language, posted_at = :posted
            WHERE id = :id""";
    private static final String INSERT = """
            INSERT INTO channel_quiz (id, platform, tenant, channel_id, question_id, language_tag, posted_at)
            VALUES (:id, :platform, :tenant, :channel, :question, :language, :posted)""";
    private static final String INSERT_ANSWER = """
            INSERT INTO channel_quiz_answer (quiz_id, user_pseudonym, platform, tenant, option_index)
            VALUES (:id, :user, :platform, :tenant, :option)""";
    /** Inserts nothing when there is no such quiz or the person already answered; a racing twin hits the key. */
    private static final String RECORD_ANSWER = """
            INSERT INTO channel_quiz_answer (quiz_id, user_pseudonym, platform, tenant, option_index)
            SELECT q.id, :user, :platform, :tenant, :option FROM channel_quiz q
            WHERE q.id = :id
                AND NOT EXISTS (SELECT 1 FROM channel_quiz_answer a WHERE a.quiz_id = :id AND a.user_pseudonym = :user)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate nested;
    private final PseudonymousIds pseudonyms;

    public JdbcChannelQuizStore(DataSource dataSource, PseudonymousIds pseudonyms) {
        Objects.requireNonNull(dataSource, "dataSource");
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    /** Stores this quiz as it is, answers included, in place of any with the same id. */
    @Override
    public void save(ChannelQuiz quiz) {
        Objects.requireNonNull(quiz, "quiz");
        Map<String, Object> params = Map.of(
                "id", quiz.id(),
                "platform", quiz.channel().platform().name(),
                "tenant", quiz.channel().tenant(),
                "channel", quiz.channel().channelId(),
                "question", quiz.questionId(),
                "language", quiz.language().name(),
                "posted", timestamp(quiz.postedAt()));
        transaction.executeWithoutResult(status -> {
            if (jdbc.sql(UPDATE).params(params).update() == 0) {
                try {
                    nested.executeWithoutResult(
                            savepoint -> jdbc.sql(INSERT).params(params).update());
                } catch (DuplicateKeyException raced) {
                    jdbc.sql(UPDATE).params(params).update();
                }
            }
            jdbc.sql("DELETE FROM channel_quiz_answer WHERE quiz_id = :id")
                    .param("id", quiz.id())
                    .update();
            Map<String, UserRef> byPseudonym = new LinkedHashMap<>();
            quiz.answers().keySet().forEach(user -> byPseudonym.putIfAbsent(pseudonymOf(pseudonyms, user), user));
            byPseudonym.forEach((pseudonym, user) -> jdbc.sql(INSERT_ANSWER)
                    .param("id", quiz.id())
                    .param("user", pseudonym)
                    .param("platform", user.platform().name())
                    .param("tenant", user.tenant())
                    .param("option", quiz.answers().get(user))
                    .update());
        });
    }

    @Override
    public Optional<ChannelQuiz> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return select("WHERE q.id = :id", Map.of("id", id)).stream().findFirst();
    }

    @Override
    public Optional<ChannelQuiz> recordAnswer(String id, UserRef user, int option) {
        Objects.requireNonNull(user, "user");
        if (option < 0) {
            throw new IllegalArgumentException("an option index is not negative");
        }
        if (id == null) {
            return Optional.empty();
        }
        Map<String, Object> params = Map.of(
                "id", id,
                "user", pseudonymOf(pseudonyms, user),
                "platform", user.platform().name(),
                "tenant", user.tenant(),
                "option", option);
        try {
            Integer inserted = nested.execute(
                    savepoint -> jdbc.sql(RECORD_ANSWER).params(params).update());
            if (inserted == null || inserted == 0) {
                return Optional.empty();
            }
        } catch (DuplicateKeyException alreadyAnswered) {
            return Optional.empty();
        } catch (DataIntegrityViolationException e) {
            if (find(id).isEmpty()) {
                return Optional.empty(); // the quiz was deleted meanwhile
            }
            throw e;
        }
        return find(id);
    }

    @Override
    public List<ChannelQuiz> posted(ChannelRef channel, Instant since) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(since, "since");
        return select(
                "WHERE q.platform = :platform AND q.tenant = :tenant AND q.channel_id = :channel AND q.posted_at >= :since",
                Map.of(
                        "platform", channel.platform().name(),
                        "tenant", channel.tenant(),
                        "channel", channel.channelId(),
                        "since", bound(since)));
    }

    @Override
    public int purgeOlderThan(Instant before) {
        Objects.requireNonNull(before, "before");
        return jdbc.sql("DELETE FROM channel_quiz WHERE posted_at < :before")
                .param("before", bound(before))
                .update();
    }

    @Override
    public void forget(UserRef user) {
        Objects.requireNonNull(user, "user");
        jdbc.sql("DELETE FROM channel_quiz_answer WHERE user_pseudonym = :user")
                .param("user", pseudonymOf(pseudonyms, user))
                .update();
    }

    /** The quiz read back holds pseudonyms, not user ids: the person's answer is found by theirs. */
    @Override
    public Optional<Integer> answerOf(ChannelQuiz quiz, UserRef user) {
        Objects.requireNonNull(quiz, "quiz");
        Objects.requireNonNull(user, "user");
        return Optional.ofNullable(
                quiz.answers().get(person(user.platform().name(), user.tenant(), pseudonymOf(pseudonyms, user))));
    }

    /** The quizzes matching this condition with their answers, oldest first. */
    private List<ChannelQuiz> select(String where, Map<String, Object> params) {
        Map<String, Row> rows = new LinkedHashMap<>();
        jdbc.sql(SELECT + where + " ORDER BY q.posted_at, q.id").params(params).query((ResultSet result) -> {
            Row row = rows.get(result.getString("id"));
            if (row == null) {
                row = Row.of(result);
                rows.put(row.id, row);
            }
            String pseudonym = result.getString("user_pseudonym");
            if (pseudonym != null) {
                row.answers.put(
                        person(result.getString("answer_platform"), result.getString("answer_tenant"), pseudonym),
                        result.getInt("option_index"));
            }
        });
        List<ChannelQuiz> quizzes = new ArrayList<>(rows.size());
        rows.values().forEach(row -> quizzes.add(row.quiz()));
        return quizzes;
    }

    /** One quiz while its answers are read. */
    private record Row(
            String id,
            ChannelRef channel,
            String questionId,
            Language language,
            Instant postedAt,
            Map<UserRef, Integer> answers) {

        static Row of(ResultSet result) throws SQLException {
            return new Row(
                    result.getString("id"),
                    new ChannelRef(
                            Platform.valueOf(result.getString("platform")),
                            result.getString("tenant"),
                            result.getString("channel_id")),
                    result.getString("question_id"),
                    Language.valueOf(result.getString("language_tag")),
                    instant(result, "posted_at"),
                    new HashMap<>());
        }

        ChannelQuiz quiz() {
            return new ChannelQuiz(id, channel, questionId, language, postedAt, answers);
        }
    }
}
