/**
 * The conversation: what the bot answers to each message and click, on any platform.
 *
 * <p>Inbound port: {@link com.charterbot.core.chat.Converse}, served by
 * {@link com.charterbot.core.chat.ConversationService}, which routes each message to the features
 * (answers, quiz, tips, nudges, statistics, draft check) through its helpers
 * {@link com.charterbot.core.chat.AnswerReplies}, {@link com.charterbot.core.chat.DraftReplies},
 * {@link com.charterbot.core.chat.AdminConversation}. Outbound ports:
 * {@link com.charterbot.core.chat.SeenEvents}, {@link com.charterbot.core.chat.RepliedMessages},
 * {@link com.charterbot.core.chat.LanguagePreferences}, {@link com.charterbot.core.chat.PersonalData}
 * ({@code forget me}), {@link com.charterbot.core.chat.PlatformEvents} and
 * {@link com.charterbot.core.chat.PlatformApiErrors} (monitoring).
 *
 * <p>Shared values every adapter builds: {@link com.charterbot.core.chat.Platform},
 * {@link com.charterbot.core.chat.UserRef}, {@link com.charterbot.core.chat.ChannelRef},
 * {@link com.charterbot.core.chat.Message}, {@link com.charterbot.core.chat.ActionEvent}.
 */
package com.charterbot.core.chat;
