package com.charterbot.app.persistence;

import com.charterbot.core.people.LanguagePreferences;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Language preferences read once per person per {@code keep} instead of on every message: the
 * lookup was one of the statements on each question's request thread. A change made on this replica
 * shows at once; one made on another replica shows here within {@code keep} (10 s by default), the
 * price of needing no message between replicas. "No preference" is remembered too. At most
 * {@value #MAX_PEOPLE} people are kept. Thread-safe.
 */
public final class CachedLanguagePreferences implements LanguagePreferences {

    static final int MAX_PEOPLE = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(CachedLanguagePreferences.class);

    private final LanguagePreferences stored;
    private final Cache<UserRef, Optional<Language>> recent;

    public CachedLanguagePreferences(LanguagePreferences stored, Duration keep, Ticker ticker) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.recent = Caffeine.newBuilder()
                .maximumSize(MAX_PEOPLE)
                .expireAfterWrite(keep)
                .ticker(ticker)
                .build();
    }

    /**
     * The person's preference; none, and nothing kept, while the database cannot be read (cut, or
     * out of connections): the answer then goes in the message's or the client's language rather
     * than not at all.
     */
    @Override
    public Optional<Language> find(UserRef user) {
        Objects.requireNonNull(user, "user");
        try {
            return recent.get(user, stored::find);
        } catch (DataAccessException e) {
            LOG.warn(
                    "Language preference not read ({}): the message's language is used",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void save(UserRef user, Language language) {
        stored.save(user, language);
        recent.put(user, Optional.of(language));
    }

    @Override
    public void forget(UserRef user) {
        stored.forget(user);
        recent.invalidate(user);
    }
}
