/**
 * Ask the communications team: a question the charter could not answer goes, on the person's click,
 * to the experts' channel, and the expert's answer comes back to them privately.
 *
 * <p>Service: {@link com.charterbot.core.experts.ExpertsDesk} (every decision: the offer, the
 * confirmation, the experts' card, answer / belongs to section / not for us, reminders, statistics).
 * Outbound ports: {@link com.charterbot.core.experts.ExpertQuestions} (closing is atomic: one
 * expert answers), {@link com.charterbot.core.experts.ExpertsChannels} (the channel an administrator
 * set in chat) and {@link com.charterbot.core.experts.ExpertsMessenger} (the platform). Value:
 * {@link com.charterbot.core.experts.ExpertQuestion}, whose text and asker are erased once it is closed.
 */
package com.charterbot.core.experts;
