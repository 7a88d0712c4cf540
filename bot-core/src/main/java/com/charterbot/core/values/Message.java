package com.charterbot.core.values;

import com.charterbot.core.text.UserText;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Something a person wrote to the bot: after {@code /charter} in Slack, in a direct message, or
 * with an @mention in a channel (the mention already removed by the adapter).
 *
 * @param text what was written, as {@link UserText#received} keeps it: capped, without format or
 *     control characters, every kind of space a plain space
 *
 * @param conversation where it was written; a direct conversation has its own id
 * @param origin how it reached the bot, which decides who sees the reply
 * @param platformAdmin whether the platform itself says this person is an administrator
 * @param platformLanguage the language of the person's client, when the platform tells it
 * @param imageAttached whether the person attached a picture (a photo, a screenshot) to the message
 * @param alsoAdministers the other tenants of the same platform the platform says this person
 *     administers (an Enterprise Grid org admin: the organization's other workspaces): an
 *     administrator's statistics cover them too
 */
public record Message(
        UserRef user,
        ChannelRef conversation,
        String text,
        Origin origin,
        boolean platformAdmin,
        Optional<Language> platformLanguage,
        boolean imageAttached,
        Set<String> alsoAdministers) {

    /** How a message reached the bot. */
    public enum Origin {
        /** A slash command: replies are seen only by the person who typed it. */
        COMMAND,
        /** An @mention in a channel or group chat: answers go to the thread. */
        MENTION,
        /** A one-to-one conversation with the bot. */
        DIRECT
    }

    public Message {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(conversation, "conversation");
        text = UserText.received(text);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(platformLanguage, "platformLanguage");
        alsoAdministers = alsoAdministers == null ? Set.of() : Set.copyOf(alsoAdministers);
    }

    /** A message of a person who administers no other tenant. */
    public Message(
            UserRef user,
            ChannelRef conversation,
            String text,
            Origin origin,
            boolean platformAdmin,
            Optional<Language> platformLanguage,
            boolean imageAttached) {
        this(user, conversation, text, origin, platformAdmin, platformLanguage, imageAttached, Set.of());
    }

    /** A message without attachment. */
    public Message(
            UserRef user,
            ChannelRef conversation,
            String text,
            Origin origin,
            boolean platformAdmin,
            Optional<Language> platformLanguage) {
        this(user, conversation, text, origin, platformAdmin, platformLanguage, false);
    }
}
