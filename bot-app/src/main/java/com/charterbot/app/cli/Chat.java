package com.charterbot.app.cli;

import com.charterbot.app.conversation.ConversationProperties;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.ReloadCharter;
import com.charterbot.core.chat.CommunicationsTeam;
import com.charterbot.core.chat.ConversationService;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.memory.InMemoryConversation;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.NudgeComposer;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.stats.DrawCharts;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The bot's whole conversation in a terminal, for a charter's author to try everything before the
 * bot reaches Slack or Teams: questions, quizzes, tips, help, settings and, as an administrator,
 * a channel's nudges ({@code nudges now} shows the nudge the channel would get), statistics and
 * {@code reload}. It runs the conversation core over in-memory stores: nothing outlives the chat.
 * You write in a channel, as with an @mention; a reply's buttons are numbered, and typing a number
 * clicks one.
 */
final class Chat {

    private static final UserRef YOU = new UserRef(Platform.SLACK, "terminal", "you");
    private static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, "terminal", "chat");
    private static final Set<String> QUIT = Set.of("quit", "exit", "quitter", "/quit", "/exit");

    private final ConversationService conversation;
    private final InMemoryChannelStore channels;
    private final NudgeComposer composer;
    private final Clock clock;
    private final List<Reply> posted = new ArrayList<>();
    private List<Button> buttons = List.of();

    /**
     * @param administrator whether you are a charter administrator (nudges, stats, reload)
     */
    Chat(
            AnswerEngine engine,
            ConversationProperties properties,
            ReloadCharter reload,
            boolean administrator,
            Clock clock) {
        this.clock = clock;
        InMemoryConversation local = new InMemoryConversation(
                engine,
                new InMemoryConversation.Settings(
                        new QuizSettings(
                                properties.quiz().questions(), properties.quiz().sessionTtl()),
                        properties.nudges().settings(engine.defaultLanguage()),
                        administrator ? Set.of(YOU.userId()) : Set.of(),
                        this::postNudge,
                        reload,
                        DrawCharts.none(),
                        admin -> CommunicationsTeam.NONE),
                clock,
                new SecureRandom());
        this.channels = local.channels();
        this.composer = new NudgeComposer(local.tips(), local.quiz());
        this.conversation = local.conversation();
    }

    /** The bot's replies to one line: a question, a command, or the number of a button of the last replies. */
    String turn(String line) {
        String typed = line.strip();
        List<Reply> replies;
        if (typed.matches("\\d{1,3}") && Integer.parseInt(typed) >= 1 && Integer.parseInt(typed) <= buttons.size()) {
            Button button = buttons.get(Integer.parseInt(typed) - 1);
            replies = conversation.onAction(
                    new ActionEvent(YOU, CHANNEL, button.actionId(), button.value(), false, Optional.empty()));
        } else {
            replies = conversation.onMessage(
                    new Message(YOU, CHANNEL, typed, Message.Origin.MENTION, false, Optional.empty()));
        }
        StringBuilder text = new StringBuilder();
        List<Button> shown = new ArrayList<>();
        for (Reply reply : replies) {
            ReplyText.render(reply, text, shown);
            text.append('\n');
        }
        for (Reply nudge : posted) {
            text.append("~ nudge posted in the channel / rappel publié dans le canal ~\n");
            ReplyText.render(nudge, text, shown);
            text.append('\n');
        }
        posted.clear();
        buttons = List.copyOf(shown);
        return text.toString();
    }

    /** Whether the last replies have buttons to click. */
    boolean hasButtons() {
        return !buttons.isEmpty();
    }

    /** Reads lines until {@code quit} or the end of the input, printing the replies to each. */
    void run(BufferedReader in, PrintStream out, String banner) throws IOException {
        out.println(banner);
        while (true) {
            out.print("> ");
            out.flush();
            String line = in.readLine();
            if (line == null || QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
                out.println();
                return;
            }
            if (!line.isBlank()) {
                out.print(turn(line));
            }
        }
    }

    /** {@code nudges now}: the channel gets its next nudge at once, shown after the reply. */
    private boolean postNudge(ChannelRef channel) {
        Optional<ChannelState> state = channels.find(channel);
        if (state.isEmpty() || state.get().status() == ChannelState.Status.PAUSED) {
            return false;
        }
        NudgeComposer.Nudge nudge = composer.compose(state.get());
        channels.save(state.get().delivered(clock.instant(), nudge.kind()));
        posted.add(nudge.reply());
        return true;
    }
}
