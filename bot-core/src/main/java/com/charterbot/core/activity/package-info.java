/**
 * What happened, counted for the statistics: questions asked, answers judged, quiz answers, nudges.
 *
 * <p>Outbound ports: {@link com.charterbot.core.activity.ActivityLog} (events without text, with
 * pseudonymous user ids) and {@link com.charterbot.core.activity.UnansweredQuestions} (the only
 * place a question's text is kept, without any user id, until its retention ends). Values: the
 * events {@link com.charterbot.core.activity.QuestionAsked},
 * {@link com.charterbot.core.activity.AnswerFeedback}, {@link com.charterbot.core.activity.QuizAnswered},
 * {@link com.charterbot.core.activity.NudgeSent}, and what the statistics get back,
 * {@link com.charterbot.core.activity.ActivityCounts} (counted by the store). Production uses the JDBC stores of {@code bot-app},
 * decorated (batched, metered) through {@link com.charterbot.core.activity.ForwardingActivityLog};
 * the local chat and the playground use {@code core.memory}.
 */
package com.charterbot.core.activity;
