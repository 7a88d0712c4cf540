package com.charterbot.teams;

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

/**
 * The real conversation of bot-core on its bundled charter, with in-memory stores and a fixed
 * clock; {@code adminAadIds} are charter administrators configured by Entra object id.
 */
final class BundledConversation {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T09:30:00Z"), ZoneId.of("Europe/Paris"));

    private BundledConversation() {}

    static Charter bundledCharter() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        throw new IllegalStateException("the bundled charter does not load: " + result);
    }

    static ConversationService create(Set<String> adminAadIds) {
        return create(adminAadIds, java.util.Optional.empty());
    }

    /** The same, with this experts' desk. */
    static ConversationService create(Set<String> adminAadIds, java.util.Optional<com.charterbot.core.experts.ExpertsDesk> experts) {
        return create(new AnswerEngine(bundledCharter(), Language.EN), admins(adminAadIds), experts, java.util.Optional.empty());
    }

    /** Charter administrators by Entra object id, platform administrators trusted. */
    static AdminActions admins(Set<String> adminAadIds) {
        return new AdminActions(new AdminPolicy(new AdminDirectory(Set.of(), adminAadIds)), new InMemoryAuditLog(), CLOCK);
    }

    /** The same over these answers and administrators, learning phrasings for this review (which must work on {@code answers}). */
    static ConversationService create(AnswerEngine answers, AdminActions admin, java.util.Optional<com.charterbot.core.experts.ExpertsDesk> experts,
            java.util.Optional<com.charterbot.core.phrasing.PhrasingReview> phrasings) {
        Charter charter = answers.charter();
        ZoneId zone = ZoneId.of("Europe/Paris");
        SplittableRandom random = new SplittableRandom(7L);
        InMemoryActivityLog activity = new InMemoryActivityLog();
        QuizService quiz = new QuizService(() -> charter, new InMemoryQuizProgressStore(), new InMemoryQuizSessionStore(),
                new InMemoryChannelQuizStore(), activity, QuizSettings.DEFAULTS, CLOCK, random.split());
        TipService tips = new TipService(() -> charter, new InMemoryTipRotationStore(), activity, CLOCK, random.split());
        return new ConversationService(new ConversationService.Parts(answers, quiz, quiz, quiz, tips,
                new InMemoryChannelStore(), new InMemoryDeliveryStore(), admin, new AwarenessStatsService(activity, CLOCK), activity,
                new InMemoryUnansweredQuestions(), new InMemoryLanguagePreferences(), channel -> true, CLOCK,
                NudgeSettings.defaults(zone, Language.EN)), new com.charterbot.core.check.DraftChecker(() -> charter, Language.EN,
                com.charterbot.core.check.DraftFindings.NONE), experts, phrasings);
    }
}
