package com.charterbot.core.chat;

import com.charterbot.core.charter.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a person wrote to the bot: after {@code /charter} in Slack, in a direct message, or
 * with an @mention in a channel (the mention already removed by the adapter).
 *
 * @param conversation where it was written; a direct conversation has its own id
 * @param direct whether it was written in a one-to-one conversation with the bot
 * @param platformAdmin whether the platform itself says this person is an administrator
 * @param platformLanguage the language of the person's client, when the platform tells it
 */
public record Message(UserRef user, ChannelRef conversation, String text, boolean direct, boolean platformAdmin,
        Optional<Language> platformLanguage) {

    public Message {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(conversation, "conversation");
        text = text == null ? "" : text;
        Objects.requireNonNull(platformLanguage, "platformLanguage");
    }
}
