/**
 * The conversation: what the bot answers to each message and click, on any platform.
 *
 * <p>Inbound port: {@link com.charterbot.core.chat.Converse}, served by
 * {@link com.charterbot.core.chat.ConversationService}, which routes each message to the features
 * (answers, quiz, tips, the home page, nudges, statistics, draft check) through its helpers
 * {@link com.charterbot.core.chat.AnswerReplies}, {@link com.charterbot.core.chat.DraftReplies},
 * {@link com.charterbot.core.chat.AdminConversation}. It is built from its collaborators grouped by
 * job: {@link com.charterbot.core.chat.EmployeeServices}, {@link com.charterbot.core.chat.PersonalRecords},
 * {@link com.charterbot.core.chat.ChannelNudges}, {@link com.charterbot.core.chat.Administration} and
 * {@link com.charterbot.core.chat.CommunicationsTeam}. Outbound ports:
 * {@link com.charterbot.core.chat.SeenEvents}, {@link com.charterbot.core.chat.RepliedMessages},
 * {@link com.charterbot.core.chat.PlatformEvents} and {@link com.charterbot.core.chat.PlatformApiErrors}
 * (monitoring). The person's ports are in {@code people}, the values it reads in {@code values}.
 *
 * <p>This is the top of the core: it uses every feature package, and none uses it.
 */
package com.charterbot.core.chat;
