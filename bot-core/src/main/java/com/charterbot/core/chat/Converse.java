package com.charterbot.core.chat;

import com.charterbot.core.command.Command;
import com.charterbot.core.command.CommandParser;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.Message;
import java.util.List;

/**
 * The conversation with the bot, the one entry point of the platform adapters: they translate a
 * platform event into a {@link Message} or an {@link ActionEvent} and send back the replies.
 */
public interface Converse {

    /** The replies to a message, in order; never throws for any text. */
    List<Reply> onMessage(Message message);

    /** The replies to a button click, in order; empty when nothing should happen; never throws for any value. */
    List<Reply> onAction(ActionEvent action);

    /**
     * What the charter says about a message someone asked to check before posting it (Slack's
     * message shortcut, Teams' message action): its whole text is the draft, never stored or logged;
     * {@link Message#platformLanguage()} is the language the person asked in (the shortcut's, the
     * client's). Never throws for any text.
     */
    List<Reply> onDraft(Message draft);

    /**
     * Whether the reply to this text depends on who is an administrator: an administrator's command
     * ({@code nudges}, {@code stats}, {@code reload}...), or {@code home}, whose page lists an
     * administrator's channels; so that an adapter asks its platform who is an administrator only
     * when the answer matters.
     */
    default boolean isAdministrative(String text) {
        Command command = CommandParser.parse(text == null ? "" : text);
        return command.administrative() || command instanceof Command.Home;
    }
}
