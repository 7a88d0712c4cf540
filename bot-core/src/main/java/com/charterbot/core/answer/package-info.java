/**
 * The answer engine: finds the charter's sections that answer a question and says how sure it is.
 *
 * <p>Inbound port: {@link com.charterbot.core.answer.AnswerQuestion}, served by
 * {@link com.charterbot.core.answer.AnswerEngine}. Values: {@link com.charterbot.core.answer.Question},
 * {@link com.charterbot.core.answer.Answer} with its {@link com.charterbot.core.answer.Tier},
 * {@link com.charterbot.core.answer.Citation}s and {@link com.charterbot.core.answer.AlsoApplies},
 * {@link com.charterbot.core.answer.AnswerTrace} (why, for {@code eval} and the playground). The
 * rest is package-private machinery: text analysis, the Lucene indexes, language detection, the
 * section classifier, whose {@link com.charterbot.core.answer.Softmax} the draft checker shares. {@code docs/answer-engine.md} explains how they fit.
 *
 * <p>No port here stores anything: a question lives for the duration of one answer.
 */
package com.charterbot.core.answer;
