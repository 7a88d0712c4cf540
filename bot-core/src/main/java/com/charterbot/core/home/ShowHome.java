package com.charterbot.core.home;

import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.util.Optional;

/**
 * A person's own page with the bot (Slack's App Home, a Teams personal tab or card): their quiz
 * progress and weakest topics with a button to start a quiz, and for administrators the channels
 * of their workspace or tenant with each one's nudges and a button to change them
 * ({@link com.charterbot.core.reply.ActionIds#NUDGES_EDIT}), and the suggested phrasings to review
 * ({@link com.charterbot.core.reply.ActionIds#PHRASING_APPROVE} and the others), whose clicks go to
 * {@link com.charterbot.core.chat.Converse#onAction} like any other.
 */
public interface ShowHome {

    /**
     * The page, in the person's chosen language, else the platform's, else the default.
     *
     * @param platformAdmin what the adapter says: a Slack workspace admin or owner (Teams says nothing)
     */
    Reply home(UserRef user, boolean platformAdmin, Optional<Language> platformLanguage);
}
