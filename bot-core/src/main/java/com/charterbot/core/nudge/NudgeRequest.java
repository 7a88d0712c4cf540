package com.charterbot.core.nudge;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Objects;

/** What an administrator asked with the {@code nudges} command, as read by {@link NudgeSyntax}. */
public sealed interface NudgeRequest {

    /** No arguments: show the channel's current settings. */
    record Show() implements NudgeRequest {}

    /** Apply these settings (the current ones with the requested changes). */
    record Change(NudgeSettings settings) implements NudgeRequest {
        public Change {
            Objects.requireNonNull(settings, "settings");
        }
    }

    /**
     * The arguments could not be read; nothing changes. Show {@link #message} followed by the usage
     * ({@link NudgeSyntax#USAGE_KEY}).
     *
     * @param messageKey a key of the nudges bundle, e.g. {@code nudges.invalid.bad-time}
     * @param arguments the message's {0}-style arguments, typically the offending word as typed
     */
    record Invalid(String messageKey, List<String> arguments) implements NudgeRequest {
        public Invalid {
            Objects.requireNonNull(messageKey, "messageKey");
            if (messageKey.isBlank()) {
                throw new IllegalArgumentException("an invalid request has a message key");
            }
            arguments = List.copyOf(arguments);
        }

        /** The explanation, localized. */
        public String message(Language language) {
            return Messages.get(language, messageKey, arguments.toArray());
        }
    }
}
