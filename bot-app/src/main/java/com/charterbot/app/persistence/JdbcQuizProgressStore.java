package com.charterbot.app.persistence;

import com.charterbot.core.quiz.CardState;
import com.charterbot.core.quiz.QuizProgressStore;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link QuizProgressStore} in a SQL database (table {@code quiz_progress}). People are stored
 * only as their pseudonym. Instants are kept to the microsecond.
 */
public final class JdbcQuizProgressStore implements QuizProgressStore {

    /** What a pseudonym looks like; a user id of this form is taken as one already (see {@link #pseudonymOf}). */
    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

    /** The range of instants both databases can hold, and to which query bounds are brought. */
    private static final String UPDATE = """
            UPDATE quiz_progress SET leitner_box = :box, due_at = :due, seen_count = :seen, correct_count = :correct
            WHERE user_pseudonym = :user AND question_id = :question""";

    private static final String INSERT = """
            INSERT INTO quiz_progress (user_pseudonym, question_id, leitner_box, due_at, seen_count, correct_count)
            VALUES (:user, :question, :box, :due, :seen, :correct)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate nested;
    private final PseudonymousIds pseudonyms;

    public JdbcQuizProgressStore(DataSource dataSource, PseudonymousIds pseudonyms) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.nested = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    @Override
    public Map<String, CardState> load(UserRef user) {
        Objects.requireNonNull(user, "user");
        Map<String, CardState> cards = new HashMap<>();
        jdbc.sql(
                        "SELECT question_id, leitner_box, due_at, seen_count, correct_count FROM quiz_progress WHERE user_pseudonym = :user")
                .param("user", pseudonymOf(pseudonyms, user))
                .query((ResultSet row) -> {
                    cards.put(
                            row.getString("question_id"),
                            new CardState(
                                    row.getInt("leitner_box"),
                                    DbTime.instant(row, "due_at"),
                                    row.getInt("seen_count"),
                                    row.getInt("correct_count")));
                });
        return Map.copyOf(cards);
    }

    @Override
    public void save(UserRef user, String questionId, CardState state) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(state, "state");
        Map<String, Object> params = Map.of(
                "user", pseudonymOf(pseudonyms, user),
                "question", questionId,
                "box", state.box(),
                "due", DbTime.timestamp(state.due()),
                "seen", state.seen(),
                "correct", state.correct());
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
    public void forget(UserRef user) {
        Objects.requireNonNull(user, "user");
        jdbc.sql("DELETE FROM quiz_progress WHERE user_pseudonym = :user")
                .param("user", pseudonymOf(pseudonyms, user))
                .update();
    }

    // ----- shared by the JDBC quiz stores -----

    /**
     * The pseudonym stored for this person. A user id that already is a pseudonym (64 lower-case hex
     * characters, as in the people these stores give back, which can not be turned back into platform
     * ids) is used as it is, so handing a stored person back to a store finds the same rows. Slack and
     * Teams user ids never have this form.
     */
    static String pseudonymOf(PseudonymousIds pseudonyms, UserRef user) {
        return PSEUDONYM.matcher(user.userId()).matches() ? user.userId() : pseudonyms.of(user);
    }

    /** The person behind a stored pseudonym, as the stores give it back. */
    static UserRef person(String platform, String tenant, String pseudonym) {
        return new UserRef(Platform.valueOf(platform), tenant, pseudonym);
    }
}
