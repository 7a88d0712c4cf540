/**
 * Nudges: short reminders of the charter posted in channels on a schedule, across replicas.
 *
 * <p>Inbound ports: {@link com.charterbot.core.nudge.EditNudges} (the administrators' form, served
 * by {@link com.charterbot.core.nudge.NudgeFormService}) and
 * {@link com.charterbot.core.nudge.ChannelMembership} (the bot joined, left, was removed; served by
 * {@link com.charterbot.core.nudge.ChannelMembershipService}). Services:
 * {@link com.charterbot.core.nudge.NudgeDispatcher} (one delivery: compose, pace, send, record),
 * {@link com.charterbot.core.nudge.NudgeSchedule}, {@link com.charterbot.core.nudge.NudgeComposer},
 * {@link com.charterbot.core.nudge.NudgeSyntax}, {@link com.charterbot.core.nudge.OutboundLimiter}.
 * Outbound ports: {@link com.charterbot.core.nudge.ChannelMessenger} (the platform),
 * {@link com.charterbot.core.nudge.ChannelStore}, {@link com.charterbot.core.nudge.DeliveryStore},
 * {@link com.charterbot.core.nudge.SendBudget} (one budget for the cluster) and
 * {@link com.charterbot.core.nudge.NudgeTrigger} (the scheduler, for {@code nudges now}).
 */
package com.charterbot.core.nudge;
