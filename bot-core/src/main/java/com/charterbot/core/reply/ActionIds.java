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

    /**
     * Offer to send a question to the communications team: shows what will be sent and to whom;
     * value: {@code <section ids, comma-separated>|<question>}.
     */
    public static final String EXPERTS_OFFER = "charter.experts.offer";
    /** Send the question to the communications team, as confirmed; value: as {@link #EXPERTS_OFFER}. */
    public static final String EXPERTS_SEND = "charter.experts.send";
    /** Send nothing after all; value: empty. */
    public static final String EXPERTS_CANCEL = "charter.experts.cancel";
    /** An expert opens the answer form; value: the question id. */
    public static final String EXPERT_ANSWER = "charter.expert.answer";
    /** An expert sends an answer; value: the question id; inputs: {@code answer}, optional {@code section}. */
    public static final String EXPERT_ANSWER_SUBMIT = "charter.expert.answer.submit";
    /** An expert opens the form saying which section answers the question; value: the question id. */
    public static final String EXPERT_SECTION = "charter.expert.section";
    /** An expert names the section that answers the question; value: the question id; inputs: {@code section}. */
    public static final String EXPERT_SECTION_SUBMIT = "charter.expert.section.submit";
    /** An expert opens the "not for us" form; value: the question id. */
    public static final String EXPERT_DECLINE = "charter.expert.decline";
    /** An expert declines the question with a reason for the asker; value: the question id; inputs: {@code reason}. */
    public static final String EXPERT_DECLINE_SUBMIT = "charter.expert.decline.submit";

    /** An administrator approves a suggested phrasing for its section; value: the candidate's id. */
    public static final String PHRASING_APPROVE = "charter.phrasing.approve";
    /** An administrator rejects a suggested phrasing; value: the candidate's id. */
    public static final String PHRASING_REJECT = "charter.phrasing.reject";
    /** An administrator opens the form moving a suggested phrasing to another section; value: the candidate's id. */
    public static final String PHRASING_MOVE = "charter.phrasing.move";
    /** An administrator approves a suggested phrasing for another section; value: the candidate's id; inputs: {@code section}. */
    public static final String PHRASING_MOVE_SUBMIT = "charter.phrasing.move.submit";

    private ActionIds() {}
}
