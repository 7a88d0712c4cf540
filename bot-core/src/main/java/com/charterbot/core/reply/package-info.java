/**
 * What the bot says, platform-free: a {@link com.charterbot.core.reply.Reply} made of
 * {@link com.charterbot.core.reply.Block}s and {@link com.charterbot.core.reply.Button}s, which the
 * Slack adapter renders as Block Kit and the Teams adapter as Adaptive Cards.
 * {@link com.charterbot.core.reply.ActionIds} names every button's action and carries the language
 * tag of its value.
 */
package com.charterbot.core.reply;
