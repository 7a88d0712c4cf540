package com.charterbot.slack;

import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryUnansweredQuestions;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.memory.InMemoryAuditLog;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.chat.ConversationService;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.home.HomeService;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.nudge.ChannelMembershipService;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.memory.InMemoryDeliveryStore;
import com.charterbot.core.nudge.NudgeFormOutcome;
import com.charterbot.core.nudge.NudgeFormService;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.memory.InMemoryLanguagePreferences;
import com.charterbot.core.memory.InMemoryChannelQuizStore;
import com.charterbot.core.memory.InMemoryQuizProgressStore;
import com.charterbot.core.memory.InMemoryQuizSessionStore;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.memory.InMemoryTipRotationStore;
import com.charterbot.core.tip.TipService;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The whole real core on the bundled charter, in memory, made afresh before each replayed payload
 * ({@link #reset}): the conversation, the home page, channel membership (welcomes) and the nudge
 * form, sharing their stores as in the application.
 */
final class ReplayCore implements Converse, ShowHome, ChannelMembership, EditNudges {

    private static final Charter CHARTER = BundledConversation.bundledCharter();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private record Services(ConversationService conversation, HomeService home, ChannelMembershipService membership,
            NudgeFormService nudges, QuizService quiz) {}

    private volatile Services current = build();

    /** Forgets everything: a fresh core. */
    void reset() {
        current = build();
    }

    /** Posts a channel quiz, as a nudge would, and gives its id. */
    String postChannelQuiz(ChannelRef channel) {
        return current.quiz().post(channel, Language.EN).orElseThrow().view().orElseThrow().value();
    }

    private static Services build() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-10T09:30:00Z"), PARIS);
        SplittableRandom random = new SplittableRandom(7L);
        InMemoryActivityLog activity = new InMemoryActivityLog();
        InMemoryChannelStore channels = new InMemoryChannelStore();
        InMemoryLanguagePreferences languages = new InMemoryLanguagePreferences();
        InMemoryQuizProgressStore progress = new InMemoryQuizProgressStore();
        NudgeSettings defaults = NudgeSettings.defaults(PARIS, Language.EN);
        QuizService quiz = new QuizService(() -> CHARTER, progress, new InMemoryQuizSessionStore(), new InMemoryChannelQuizStore(), activity,
                QuizSettings.DEFAULTS, clock, random.split());
        TipService tips = new TipService(() -> CHARTER, new InMemoryTipRotationStore(), activity, clock, random.split());
        AdminActions admin = new AdminActions(new AdminPolicy(AdminDirectory.DEFAULTS), new InMemoryAuditLog(), clock);
        AnswerEngine answers = new AnswerEngine(CHARTER, Language.EN);
        ConversationService conversation = new ConversationService(
                new com.charterbot.core.chat.EmployeeServices(answers, new com.charterbot.core.check.DraftChecker(() -> CHARTER, Language.EN,
                        com.charterbot.core.check.DraftFindings.NONE), quiz, quiz, tips),
                new com.charterbot.core.chat.PersonalRecords(languages, quiz, activity),
                new com.charterbot.core.chat.ChannelNudges(channels, new InMemoryDeliveryStore(), channel -> true, defaults),
                new com.charterbot.core.chat.Administration(admin, new AwarenessStatsService(activity, clock), new InMemoryUnansweredQuestions(),
                        com.charterbot.core.charter.ReloadCharter.bundled(), com.charterbot.core.stats.DrawCharts.none()),
                com.charterbot.core.chat.CommunicationsTeam.NONE, clock);
        return new Services(conversation, new HomeService(() -> CHARTER, progress, channels, admin, languages, Language.EN, clock),
                new ChannelMembershipService(channels, defaults), new NudgeFormService(channels, admin, languages, defaults, Language.EN), quiz);
    }

    @Override
    public List<Reply> onMessage(Message message) {
        return current.conversation().onMessage(message);
    }

    @Override
    public List<Reply> onAction(ActionEvent action) {
        return current.conversation().onAction(action);
    }

    @Override
    public List<Reply> onDraft(Message draft) {
        return current.conversation().onDraft(draft);
    }

    @Override
    public Reply home(UserRef user, boolean platformAdmin, Optional<Language> platformLanguage) {
        return current.home().home(user, platformAdmin, platformLanguage);
    }

    @Override
    public Optional<Reply> joined(ChannelRef channel, String name, Optional<Language> language) {
        return current.membership().joined(channel, name, language);
    }

    @Override
    public void left(ChannelRef channel) {
        current.membership().left(channel);
    }

    @Override
    public void archived(ChannelRef channel) {
        current.membership().archived(channel);
    }

    @Override
    public void unarchived(ChannelRef channel) {
        current.membership().unarchived(channel);
    }

    @Override
    public void renamed(ChannelRef channel, String name) {
        current.membership().renamed(channel, name);
    }

    @Override
    public int uninstalled(Platform platform, String tenant) {
        return current.membership().uninstalled(platform, tenant);
    }

    @Override
    public NudgeFormOutcome open(UserRef user, boolean platformAdmin, ChannelRef channel, Optional<Language> clicked) {
        return current.nudges().open(user, platformAdmin, channel, clicked);
    }

    @Override
    public NudgeFormOutcome submit(UserRef user, boolean platformAdmin, ChannelRef channel, Map<String, String> values,
            Optional<Language> formLanguage) {
        return current.nudges().submit(user, platformAdmin, channel, values, formLanguage);
    }
}
