package com.charterbot.playground;

import com.charterbot.app.conversation.ConversationProperties;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.ReloadResult;
import com.charterbot.core.chat.CommunicationsTeam;
import com.charterbot.core.chat.ConversationService;
import com.charterbot.core.memory.InMemoryConversation;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.stats.DrawCharts;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bot's whole conversation, as an employee has it in a direct message, over in-memory stores:
 * what the playground shows for a question, and for a click on one of the reply's buttons. The
 * author is a charter administrator, so {@code stats} and {@code reload} work too. Nothing is
 * written anywhere; it all goes with the process. One conversation per reply language asked for
 * (the language a person chose, as {@code lang fr} would), plus the one that detects it.
 */
final class PlaygroundChat {

    private static final String TENANT = "playground";
    private static final ChannelRef DIRECT = new ChannelRef(Platform.SLACK, TENANT, "D-playground");

    private final ConversationService conversation;
    private final Map<Language, UserRef> speakers = new EnumMap<>(Language.class);
    private final UserRef detected = new UserRef(Platform.SLACK, TENANT, "author");

    PlaygroundChat(
            AnswerEngine engine,
            ConversationProperties properties,
            LiveCharter charter,
            DrawCharts charts,
            Clock clock) {
        for (Language language : Language.values()) {
            speakers.put(language, new UserRef(Platform.SLACK, TENANT, "author-" + language.tag()));
        }
        InMemoryConversation local = new InMemoryConversation(
                engine,
                new InMemoryConversation.Settings(
                        new QuizSettings(
                                properties.quiz().questions(), properties.quiz().sessionTtl()),
                        properties.nudges().settings(engine.defaultLanguage()),
                        Set.of(
                                detected.userId(),
                                speakers.get(Language.EN).userId(),
                                speakers.get(Language.FR).userId()),
                        channel -> false,
                        () -> reload(charter),
                        charts,
                        admin -> CommunicationsTeam.NONE),
                clock,
                new SecureRandom());
        speakers.forEach((language, speaker) -> local.languages().save(speaker, language));
        this.conversation = local.conversation();
    }

    /** The replies to a message, in the language asked for, or in the language the message is written in. */
    List<Reply> say(String text, Optional<Language> language) {
        return conversation.onMessage(
                new Message(speaker(language), DIRECT, text, Message.Origin.DIRECT, false, Optional.empty()));
    }

    /** The replies to a click on a button of an earlier reply. */
    List<Reply> click(String actionId, String value, Optional<Language> language) {
        return conversation.onAction(
                new ActionEvent(speaker(language), DIRECT, actionId, value, false, Optional.empty()));
    }

    private UserRef speaker(Optional<Language> language) {
        return language.map(speakers::get).orElse(detected);
    }

    private static ReloadResult reload(LiveCharter charter) {
        if (!charter.state().watching()) {
            return new ReloadResult.Bundled();
        }
        String before = charter.state().version().orElse("-");
        LiveCharter.State after = charter.reloadNow();
        if (!after.problems().isEmpty()) {
            return new ReloadResult.Rejected(before, after.problems());
        }
        return new ReloadResult.Reloaded(before, after.version().orElse("-"), after.sections());
    }
}
