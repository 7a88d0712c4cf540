package com.charterbot.core.chat;

import com.charterbot.core.charter.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * A click on one of the bot's buttons.
 *
 * @param actionId one of {@link com.charterbot.core.reply.ActionIds}
 * @param value the value the button carried; anything may arrive here, so it is checked
 */
public record ActionEvent(UserRef user, ChannelRef conversation, String actionId, String value, boolean platformAdmin,
        Optional<Language> platformLanguage) {

    public ActionEvent {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(conversation, "conversation");
        actionId = actionId == null ? "" : actionId;
        value = value == null ? "" : value;
        Objects.requireNonNull(platformLanguage, "platformLanguage");
    }
}
