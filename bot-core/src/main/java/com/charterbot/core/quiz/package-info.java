/**
 * Quizzes with spaced repetition (Leitner boxes), privately and in channels.
 *
 * <p>Inbound ports: {@link com.charterbot.core.quiz.RunQuiz} and
 * {@link com.charterbot.core.quiz.RunChannelQuiz}, served by {@link com.charterbot.core.quiz.QuizService}.
 * Outbound ports: {@link com.charterbot.core.quiz.QuizSessionStore},
 * {@link com.charterbot.core.quiz.QuizProgressStore}, {@link com.charterbot.core.quiz.ChannelQuizStore}.
 * Values: {@link com.charterbot.core.quiz.QuizSession}, {@link com.charterbot.core.quiz.CardState},
 * {@link com.charterbot.core.quiz.LeitnerSchedule}, {@link com.charterbot.core.quiz.ChannelQuiz}.
 */
package com.charterbot.core.quiz;
