package com.charterbot.slack;

import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryUnansweredQuestions;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.memory.InMemoryAuditLog;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.chat.ConversationService;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.memory.InMemoryDeliveryStore;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.memory.InMemoryLanguagePreferences;
import com.charterbot.core.memory.InMemoryChannelQuizStore;
import com.charterbot.core.memory.InMemoryQuizProgressStore;
import com.charterbot.core.memory.InMemoryQuizSessionStore;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.memory.InMemoryTipRotationStore;
import com.charterbot.core.tip.TipService;
import com.charterbot.core.values.Language;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.SplittableRandom;

/** The real conversation of bot-core on its bundled charter, with in-memory stores and a fixed clock. */
final class BundledConversation {

    private BundledConversation() {}

    static Charter bundledCharter() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        throw new IllegalStateException("the bundled charter does not load: " + result);
    }

    static ConversationService create() {
        Charter charter = bundledCharter();
        Clock clock = Clock.fixed(Instant.parse("2025-03-10T09:30:00Z"), ZoneId.of("Europe/Paris"));
        return create(new AnswerEngine(charter, Language.EN), clock, new com.charterbot.core.check.DraftChecker(() -> charter, Language.EN,
                com.charterbot.core.check.DraftFindings.NONE), java.util.Optional.empty());
    }

    /** The same, with these answers, clock, draft checker and experts' desk. */
    static ConversationService create(AnswerEngine answers, Clock clock, com.charterbot.core.check.CheckDraft drafts,
            java.util.Optional<com.charterbot.core.experts.ExpertsDesk> experts) {
        return create(answers, clock, drafts, experts, java.util.Optional.empty());
    }

    /** The same, learning phrasings for this review (which must work on {@code answers}). */
    static ConversationService create(AnswerEngine answers, Clock clock, com.charterbot.core.check.CheckDraft drafts,
            java.util.Optional<com.charterbot.core.experts.ExpertsDesk> experts,
            java.util.Optional<com.charterbot.core.phrasing.PhrasingReview> phrasings) {
        Charter charter = answers.charter();
        ZoneId zone = clock.getZone();
        SplittableRandom random = new SplittableRandom(7L);
        InMemoryActivityLog activity = new InMemoryActivityLog();
        QuizService quiz = new QuizService(() -> charter, new InMemoryQuizProgressStore(), new InMemoryQuizSessionStore(),
                new InMemoryChannelQuizStore(), activity, QuizSettings.DEFAULTS, clock, random.split());
        TipService tips = new TipService(() -> charter, new InMemoryTipRotationStore(), activity, clock, random.split());
        AdminActions admin = new AdminActions(new AdminPolicy(new AdminDirectory(Set.of(), Set.of())), new InMemoryAuditLog(), clock);
        return new ConversationService(new ConversationService.Parts(answers, quiz, quiz, quiz, tips,
                new InMemoryChannelStore(), new InMemoryDeliveryStore(), admin, new AwarenessStatsService(activity, clock), activity,
                new InMemoryUnansweredQuestions(), new InMemoryLanguagePreferences(), channel -> true, clock,
                NudgeSettings.defaults(zone, Language.EN)), drafts, experts, phrasings);
    }
}
