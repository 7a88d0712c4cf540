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

/**
 * Language preferences read once per person per {@code keep} instead of on every message: the
 * lookup was one of the statements on each question's request thread. A change made on this replica
 * shows at once; one made on another replica shows here within {@code keep} (10 s by default), the
 * price of needing no message between replicas. "No preference" is remembered too. At most
 * {@value #MAX_PEOPLE} people are kept. Thread-safe.
 */
public final class CachedLanguagePreferences implements LanguagePreferences {

    static final int MAX_PEOPLE = 50_000;

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

    @Override
    public Optional<Language> find(UserRef user) {
        Objects.requireNonNull(user, "user");
        return recent.get(user, stored::find);
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
