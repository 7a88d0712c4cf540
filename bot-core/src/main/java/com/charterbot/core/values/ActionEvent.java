package com.charterbot.core.values;

import com.charterbot.core.text.UserText;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A click on one of the bot's buttons.
 *
 * @param actionId one of {@link com.charterbot.core.reply.ActionIds}
 * @param value the value the button carried, as {@link UserText#received} keeps it; anything may
 *     arrive here, so it is checked
 * @param name the person's name as the platform gave it, or empty; never trusted as an identity
 * @param inputs what the person entered in a {@link com.charterbot.core.reply.Block.Form}, by field id, each
 *     value kept as {@link UserText#received} keeps it; empty for a plain click
 */
public record ActionEvent(
        UserRef user,
        ChannelRef conversation,
        String actionId,
        String value,
        boolean platformAdmin,
        Optional<Language> platformLanguage,
        String name,
        Map<String, String> inputs) {

    /** Longest name kept. */
    static final int MAX_NAME = 200;

    public ActionEvent {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(conversation, "conversation");
        actionId = actionId == null ? "" : actionId;
        value = UserText.received(value);
        Objects.requireNonNull(platformLanguage, "platformLanguage");
        name = name == null ? "" : UserText.oneLine(UserText.received(name));
        name = name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        if (inputs != null) {
            inputs.forEach((id, text) -> {
                if (id != null) {
                    kept.put(id, UserText.received(text));
                }
            });
        }
        inputs = java.util.Collections.unmodifiableMap(kept);
    }

    /** A plain click of a person whose name is not known. */
    public ActionEvent(
            UserRef user,
            ChannelRef conversation,
            String actionId,
            String value,
            boolean platformAdmin,
            Optional<Language> platformLanguage) {
        this(user, conversation, actionId, value, platformAdmin, platformLanguage, "", Map.of());
    }
}
