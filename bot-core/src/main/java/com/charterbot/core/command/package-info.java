/**
 * The command language users type (in English and French): {@link com.charterbot.core.command.CommandParser}
 * reads a message into a {@link com.charterbot.core.command.Command}; anything that is not a
 * command is a question. {@link com.charterbot.core.command.SmallTalk} recognises greetings and
 * thanks. Every pass is linear in the text's length and bounded.
 */
package com.charterbot.core.command;
