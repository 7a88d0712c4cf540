package com.charterbot.core.values;

import com.charterbot.core.text.UserText;
import com.charterbot.core.values.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * A click on one of the bot's buttons.
 *
 * @param actionId one of {@link com.charterbot.core.reply.ActionIds}
 * @param value the value the button carried, as {@link UserText#received} keeps it; anything may
 *     arrive here, so it is checked
 */
public record ActionEvent(UserRef user, ChannelRef conversation, String actionId, String value, boolean platformAdmin,
        Optional<Language> platformLanguage) {

    public ActionEvent {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(conversation, "conversation");
        actionId = actionId == null ? "" : actionId;
        value = UserText.received(value);
        Objects.requireNonNull(platformLanguage, "platformLanguage");
    }
}
