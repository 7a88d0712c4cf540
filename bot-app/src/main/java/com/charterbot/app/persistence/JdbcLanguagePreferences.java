package com.charterbot.app.persistence;

import com.charterbot.core.people.LanguagePreferences;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link LanguagePreferences} in the {@code language_preference} table, keyed by the person's
 * pseudonym (see {@link PseudonymousIds}): the table holds no user id, only the pseudonym, the
 * language tag and when it was last set. Thread-safe.
 */
public final class JdbcLanguagePreferences implements LanguagePreferences {

    private final JdbcClient jdbc;
    private final PseudonymousIds pseudonyms;

    public JdbcLanguagePreferences(DataSource dataSource, PseudonymousIds pseudonyms) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    @Override
    public Optional<Language> find(UserRef user) {
        Objects.requireNonNull(user, "user");
        return jdbc.sql("SELECT language FROM language_preference WHERE pseudonym = :pseudonym")
                .param("pseudonym", pseudonyms.of(user))
                .query((rs, row) -> rs.getString(1))
                .optional()
                .map(tag -> Language.fromTag(tag)
                        .orElseThrow(() -> new IllegalStateException("unknown language '" + tag + "' stored")));
    }

    @Override
    public void save(UserRef user, Language language) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(language, "language");
        String pseudonym = pseudonyms.of(user);
        if (update(pseudonym, language) > 0) {
            return;
        }
        int inserted;
        try {
            inserted = jdbc.sql("INSERT INTO language_preference (pseudonym, language, updated_at) "
                            + "VALUES (:pseudonym, :language, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING")
                    .param("pseudonym", pseudonym)
                    .param("language", language.tag())
                    .update();
        } catch (DuplicateKeyException raceOnH2) {
            // H2 may report a concurrent insert of the same person instead of skipping it.
            inserted = 0;
        }
        if (inserted == 0) {
            update(pseudonym, language);
        }
    }

    private int update(String pseudonym, Language language) {
        return jdbc.sql(
                        "UPDATE language_preference SET language = :language, updated_at = CURRENT_TIMESTAMP WHERE pseudonym = :pseudonym")
                .param("pseudonym", pseudonym)
                .param("language", language.tag())
                .update();
    }

    @Override
    public void forget(UserRef user) {
        Objects.requireNonNull(user, "user");
        jdbc.sql("DELETE FROM language_preference WHERE pseudonym = :pseudonym")
                .param("pseudonym", pseudonyms.of(user))
                .update();
    }
}
