package com.charterbot.core.nudge;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.util.Map;
import java.util.Optional;

/**
 * The form administrators use to change a channel's nudges (a Slack modal, an Adaptive Card): the
 * core gives the fields, their labels, options and current values, and checks what comes back.
 * Every call is authorized and every change audited like the {@code nudges} command.
 */
public interface EditNudges {

    /**
     * The form for this channel, filled with its current settings (the defaults for a channel not
     * registered yet).
     *
     * @return {@link NudgeFormOutcome.Form}, or {@link NudgeFormOutcome.Denied} for a non-administrator
     */
    NudgeFormOutcome open(UserRef user, boolean platformAdmin, ChannelRef channel, Optional<Language> platformLanguage);

    /**
     * Applies a submitted form. Anything may arrive in {@code values} (missing fields, unknown
     * options, huge strings): nothing is saved unless every field is valid.
     *
     * @param values field id ({@link NudgeForm#FREQUENCY}...) to the submitted value
     * @return {@link NudgeFormOutcome.Saved}, {@link NudgeFormOutcome.Rejected} with a message per
     *     wrong field, or {@link NudgeFormOutcome.Denied}
     */
    NudgeFormOutcome submit(
            UserRef user,
            boolean platformAdmin,
            ChannelRef channel,
            Map<String, String> values,
            Optional<Language> platformLanguage);
}
