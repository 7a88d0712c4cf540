package com.charterbot.playground;

import com.charterbot.app.conversation.ConversationProperties;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.ReloadResult;
import com.charterbot.core.chat.Administration;
import com.charterbot.core.chat.ChannelNudges;
import com.charterbot.core.chat.CommunicationsTeam;
import com.charterbot.core.chat.ConversationService;
import com.charterbot.core.chat.EmployeeServices;
import com.charterbot.core.chat.PersonalRecords;
import com.charterbot.core.check.DraftChecker;
import com.charterbot.core.check.DraftFindings;
import com.charterbot.core.home.HomeService;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryAuditLog;
import com.charterbot.core.memory.InMemoryChannelQuizStore;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.memory.InMemoryDeliveryStore;
import com.charterbot.core.memory.InMemoryLanguagePreferences;
import com.charterbot.core.memory.InMemoryQuizProgressStore;
import com.charterbot.core.memory.InMemoryQuizSessionStore;
import com.charterbot.core.memory.InMemoryTipRotationStore;
import com.charterbot.core.memory.InMemoryUnansweredQuestions;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.stats.DrawCharts;
import com.charterbot.core.tip.TipService;
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
    private final InMemoryLanguagePreferences languages = new InMemoryLanguagePreferences();
    private final Map<Language, UserRef> speakers = new EnumMap<>(Language.class);
    private final UserRef detected = new UserRef(Platform.SLACK, TENANT, "author");

    PlaygroundChat(
            AnswerEngine engine,
            ConversationProperties properties,
            LiveCharter charter,
            DrawCharts charts,
            Clock clock) {
        SecureRandom random = new SecureRandom();
        InMemoryActivityLog activity = new InMemoryActivityLog();
        InMemoryQuizProgressStore progress = new InMemoryQuizProgressStore();
        QuizService quiz = new QuizService(
                engine::charter,
                progress,
                new InMemoryQuizSessionStore(),
                new InMemoryChannelQuizStore(),
                activity,
                new QuizSettings(
                        properties.quiz().questions(), properties.quiz().sessionTtl()),
                clock,
                random);
        TipService tips = new TipService(engine::charter, new InMemoryTipRotationStore(), activity, clock, random);
        for (Language language : Language.values()) {
            UserRef speaker = new UserRef(Platform.SLACK, TENANT, "author-" + language.tag());
            speakers.put(language, speaker);
            languages.save(speaker, language);
        }
        Set<String> administrators = Set.of(
                detected.userId(),
                speakers.get(Language.EN).userId(),
                speakers.get(Language.FR).userId());
        AdminActions admin = new AdminActions(
                new AdminPolicy(new AdminDirectory(administrators, Set.of(), false)), new InMemoryAuditLog(), clock);
        InMemoryChannelStore channels = new InMemoryChannelStore();
        HomeService home =
                new HomeService(engine::charter, progress, channels, admin, languages, engine.defaultLanguage(), clock);
        this.conversation = new ConversationService(
                new EmployeeServices(
                        engine,
                        new DraftChecker(engine::charter, engine.defaultLanguage(), DraftFindings.NONE),
                        quiz,
                        quiz,
                        tips,
                        home),
                new PersonalRecords(languages, quiz, activity),
                new ChannelNudges(
                        channels,
                        new InMemoryDeliveryStore(),
                        channel -> false,
                        properties.nudges().settings(engine.defaultLanguage())),
                new Administration(
                        admin,
                        new AwarenessStatsService(activity, clock),
                        new InMemoryUnansweredQuestions(),
                        () -> reload(charter),
                        charts),
                CommunicationsTeam.NONE,
                clock);
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
