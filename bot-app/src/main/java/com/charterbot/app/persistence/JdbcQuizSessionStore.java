package com.charterbot.app.persistence;

import static com.charterbot.app.persistence.DbTime.bound;
import static com.charterbot.app.persistence.DbTime.instant;
import static com.charterbot.app.persistence.DbTime.timestamp;
import static com.charterbot.app.persistence.JdbcQuizProgressStore.person;
import static com.charterbot.app.persistence.JdbcQuizProgressStore.pseudonymOf;

import com.charterbot.core.quiz.QuizSession;
import com.charterbot.core.quiz.QuizSessionStore;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link QuizSessionStore} in a SQL database (table {@code quiz_session}), safe across processes
 * and replicas: {@link #advance} is one conditional update, so an answer counts once however many
 * clicks reach however many replicas.
 *
 * <p>People are stored only as their pseudonym, beside their platform and tenant; the sessions given
 * back belong to {@code new UserRef(platform, tenant, pseudonym)}, not to the platform user. Use
 * {@link #belongsTo} to tell whether a session is a given person's. Instants are kept to the
 * microsecond.
 */
public final class JdbcQuizSessionStore implements QuizSessionStore {

    private static final String COLUMNS =
            "id, platform, tenant, user_pseudonym, language_tag, question_ids, question_count, current_index, correct_count, answer_results, created_at, expires_at";
    private static final String UPDATE = """
            UPDATE quiz_session SET platform = :platform, tenant = :tenant, user_pseudonym = :user, language_tag = :language,
                question_ids = :questions, question_count = :count, current_index = :index, correct_count = :correct,
                answer_results = :results, created_at = :created, expires_at = :expires
            WHERE id = :id""";
    private static final String INSERT = "INSERT INTO quiz_session (" + COLUMNS + ") "
            + "VALUES (:id, :platform, :tenant, :user, :language, :questions, :count, :index, :correct, :results, :created, :expires)";
    private static final String ADVANCE = """
            UPDATE quiz_session
            SET current_index = current_index + 1, correct_count = correct_count + :gain, answer_results = answer_results || :mark
            WHERE id = :id AND current_index = :expected AND current_index < question_count AND expires_at > :at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate nested;
    private final PseudonymousIds pseudonyms;

    public JdbcQuizSessionStore(DataSource dataSource, PseudonymousIds pseudonyms) {
        Objects.requireNonNull(dataSource, "dataSource");
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    @Override
    public void save(QuizSession session) {
        Objects.requireNonNull(session, "session");
        Map<String, Object> params = new HashMap<>();
        params.put("id", session.id());
        params.put("platform", session.user().platform().name());
        params.put("tenant", session.user().tenant());
        params.put("user", pseudonymOf(pseudonyms, session.user()));
        params.put("language", session.language().name());
        params.put("questions", encode(session.questionIds()));
        params.put("count", session.size());
        params.put("index", session.currentIndex());
        params.put("correct", session.correctCount());
        params.put("results", results(session.results()));
        params.put("created", timestamp(session.created()));
        params.put("expires", timestamp(session.expires()));
        if (jdbc.sql(UPDATE).params(params).update() > 0) {
            return;
        }
        try {
            nested.executeWithoutResult(
                    status -> jdbc.sql(INSERT).params(params).update());
        } catch (DuplicateKeyException raced) {
            jdbc.sql(UPDATE).params(params).update();
        }
    }

    @Override
    public Optional<QuizSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM quiz_session WHERE id = :id")
                .param("id", id)
                .query(JdbcQuizSessionStore::session)
                .optional();
    }

    @Override
    public Optional<QuizSession> advance(String id, int expectedIndex, boolean correct, Instant at) {
        Objects.requireNonNull(at, "at");
        if (id == null) {
            return Optional.empty();
        }
        // The update and the read-back share a transaction: the row stays locked in between, so the
        // session read is exactly the one this answer made.
        return transaction.execute(status -> {
            int updated = jdbc.sql(ADVANCE)
                    .param("gain", correct ? 1 : 0)
                    .param("mark", correct ? "1" : "0")
                    .param("id", id)
                    .param("expected", expectedIndex)
                    .param("at", bound(at))
                    .update();
            return updated == 1 ? find(id) : Optional.<QuizSession>empty();
        });
    }

    @Override
    public void forget(UserRef user) {
        Objects.requireNonNull(user, "user");
        jdbc.sql("DELETE FROM quiz_session WHERE user_pseudonym = :user")
                .param("user", pseudonymOf(pseudonyms, user))
                .update();
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return jdbc.sql("DELETE FROM quiz_session WHERE expires_at <= :now")
                .param("now", bound(now))
                .update();
    }

    /**
     * Whether this session is this person's. A session from this store belongs to the person's
     * pseudonym, so it never {@code equals} the platform user: compare with this instead.
     */
    @Override
    public boolean belongsTo(QuizSession session, UserRef user) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
        UserRef owner = session.user();
        return owner.platform() == user.platform()
                && owner.tenant().equals(user.tenant())
                && pseudonymOf(pseudonyms, owner).equals(pseudonymOf(pseudonyms, user));
    }

    private static QuizSession session(ResultSet row, int rowNumber) throws SQLException {
        List<String> questionIds = decode(row.getString("question_ids"));
        if (questionIds.size() != row.getInt("question_count")) {
            throw new IllegalStateException(
                    "quiz session " + row.getString("id") + " does not list as many questions as it counts");
        }
        return new QuizSession(
                row.getString("id"),
                person(row.getString("platform"), row.getString("tenant"), row.getString("user_pseudonym")),
                Language.valueOf(row.getString("language_tag")),
                questionIds,
                row.getInt("current_index"),
                row.getInt("correct_count"),
                results(row.getString("answer_results")),
                instant(row, "created_at"),
                instant(row, "expires_at"));
    }

    private static String results(List<Boolean> results) {
        StringBuilder text = new StringBuilder(results.size());
        results.forEach(right -> text.append(right ? '1' : '0'));
        return text.toString();
    }

    private static List<Boolean> results(String text) {
        List<Boolean> results = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            results.add(text.charAt(i) == '1');
        }
        return results;
    }

    /** The ids one a line; a backslash and a line break inside an id are written {@code \\} and {@code \n}. */
    static String encode(List<String> ids) {
        return ids.stream()
                .map(id -> id.replace("\\", "\\\\").replace("\n", "\\n"))
                .collect(Collectors.joining("\n"));
    }

    static List<String> decode(String text) {
        List<String> ids = new ArrayList<>();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                ids.add(id.toString());
                id.setLength(0);
            } else if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                id.append(next == 'n' ? '\n' : next);
            } else {
                id.append(c);
            }
        }
        ids.add(id.toString());
        return ids;
    }
}
