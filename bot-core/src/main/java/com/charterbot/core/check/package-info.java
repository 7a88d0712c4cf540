/**
 * The draft checker: reads a post before it is published and says what the charter says about it.
 *
 * <p>Inbound port: {@link com.charterbot.core.check.CheckDraft}, served by
 * {@link com.charterbot.core.check.DraftChecker}. Outbound port:
 * {@link com.charterbot.core.check.DraftFindings} (counts for monitoring: sections and levels,
 * never words). Values: {@link com.charterbot.core.check.Draft},
 * {@link com.charterbot.core.check.DraftReport}, {@link com.charterbot.core.check.Finding}.
 *
 * <p>Services: {@link com.charterbot.core.check.DraftChecker} with the signals' index and what the
 * charter's example posts teach ({@code PostClassifier}, two linear models trained per charter version).
 *
 * <p>A draft is never stored and never logged: it lives for the duration of one check. Every pass
 * over it is linear in its length (no regular expression reads it).
 */
package com.charterbot.core.check;
