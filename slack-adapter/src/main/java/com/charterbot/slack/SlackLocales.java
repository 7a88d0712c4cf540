package com.charterbot.slack;

import com.charterbot.core.values.Language;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The language of a person's Slack client ({@code users.info} with {@code include_locale}, which
 * the {@code users:read} scope allows), remembered for a while: the language of the App Home and
 * of the welcome a channel gets from the person who invited the bot, until that person chooses one
 * with "lang". A locale the bot does not speak, or a failed lookup, gives none (a failure is not
 * remembered, so the next request asks again). Blocking: for background work only.
 */
final class SlackLocales {

    private static final long MAX_ENTRIES = 10_000;

    private final SlackOutbox outbox;
    private final Cache<String, Optional<Language>> known;

    SlackLocales(SlackOutbox outbox, Duration ttl) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.known = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAX_ENTRIES)
                .build();
    }

    /** The person's language, asking Slack unless it is remembered; empty without a user id. */
    Optional<Language> of(WorkspaceBot bot, String user) {
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        String key = bot.team() + ":" + user;
        Optional<Language> cached = known.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Optional<UsersInfoResponse> answer = outbox.call(
                "users.info",
                () -> outbox.methods(bot).usersInfo(r -> r.user(user).includeLocale(true)));
        if (answer.isEmpty() || answer.get().getUser() == null) {
            return Optional.empty();
        }
        Optional<Language> language = Language.fromTag(answer.get().getUser().getLocale());
        known.put(key, language);
        return language;
    }
}
