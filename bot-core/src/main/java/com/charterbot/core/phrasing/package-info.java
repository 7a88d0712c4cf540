/**
 * Suggested phrasings (active learning): real questions become candidate phrasings of the section
 * people chose for them, administrators review them in chat, and the approved ones are added to the
 * charter in use as an overlay.
 *
 * <p>Service: {@link com.charterbot.core.phrasing.PhrasingReview}. Outbound port:
 * {@link com.charterbot.core.phrasing.PhrasingCandidates} (no user id; unapproved candidates expire
 * with the question retention). Value: {@link com.charterbot.core.phrasing.Candidate}.
 */
package com.charterbot.core.phrasing;
