package com.charterbot.core.reply;

/**
 * The stable ids of every action a reply's buttons can trigger. Adapters route clicks by them and
 * pass values back untouched; the conversation prefixes each value with the reply's language
 * ({@code fr~...}) and removes it again, so the values below are what the features see.
 */
public final class ActionIds {

    /** Show a charter section; value: the section id. */
    public static final String OPEN_SECTION = "charter.section.open";
    /** The answer helped; value: the answer's feedback token. */
    public static final String FEEDBACK_HELPFUL = "charter.feedback.helpful";
    /** The answer did not help; value: the answer's feedback token. */
    public static final String FEEDBACK_NOT_HELPFUL = "charter.feedback.not-helpful";
    /** Start a personal micro-quiz; value: empty. */
    public static final String QUIZ_START = "charter.quiz.start";
    /** Answer a question of a personal quiz; value: {@code <session id>:<question index>:<option index>}. */
    public static final String QUIZ_ANSWER = "charter.quiz.answer";
    /** Answer a channel micro-quiz; value: {@code <channel quiz id>:<option index>}. */
    public static final String CHANNEL_QUIZ_ANSWER = "charter.channel-quiz.answer";
    /**
     * The personal quiz as it stands now for the person asking (the current question, or the summary),
     * for a platform refreshing a per-person view; value: the quiz session id.
     */
    public static final String QUIZ_VIEW = "charter.quiz.view";
    /**
     * The channel micro-quiz as the person asking sees it: the question and its tally, with their
     * verdict once they answered; value: the channel quiz id.
     */
    public static final String CHANNEL_QUIZ_VIEW = "charter.channel-quiz.view";
    /** Show another tip; value: empty. */
    public static final String TIP_NEXT = "charter.tip.next";
    /**
     * Open the form changing a channel's nudges ({@link com.charterbot.core.nudge.EditNudges});
     * value: the channel's platform id, in the clicking person's workspace or tenant. Adapters open
     * the form themselves (a modal, a card) instead of passing the click to the conversation.
     */
    public static final String NUDGES_EDIT = "charter.nudges.edit";
    /**
     * The CSV export of the weekly statistics, again (administrators only); value: the end of the exported period,
     * in seconds since the epoch, so that the file is the same whenever it is asked for.
     */
    public static final String STATS_EXPORT = "charter.stats.export";

    private ActionIds() {}
}
