package com.charterbot.app.experts;

import com.charterbot.app.conversation.ConversationProperties;
import com.charterbot.app.nudge.HourlyHook;
import com.charterbot.app.nudge.RetentionHook;
import com.charterbot.app.persistence.PrivacyProperties;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.experts.ExpertQuestions;
import com.charterbot.core.experts.ExpertsChannels;
import com.charterbot.core.experts.ExpertsDesk;
import com.charterbot.core.phrasing.PhrasingCandidates;
import com.charterbot.core.phrasing.PhrasingReview;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires "Ask the communications team" and the suggested phrasings over the database stores and the platform adapters' messengers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ExpertsProperties.class, PrivacyProperties.class})
class ExpertsConfiguration {

    @Bean
    ExpertsDesk expertsDesk(
            AnswerEngine answers,
            ExpertQuestions questions,
            ExpertsChannels channels,
            AdminActions admin,
            ExpertsProperties properties,
            ConversationProperties conversation,
            ObjectProvider<PlatformExpertsMessenger> messengers,
            PhrasingReview phrasings,
            Clock clock) {
        ExpertsDesk.Settings settings = new ExpertsDesk.Settings(
                Optional.of(properties.slackChannel()),
                Optional.of(properties.teamsChannel()),
                properties.reminderAfter(),
                conversation.nudges().zone());
        // Question ids travel in the experts' buttons: they must not be guessable.
        return new ExpertsDesk(
                answers::charter,
                questions,
                channels,
                new RoutingExpertsMessenger(() -> messengers.orderedStream().toList()),
                admin,
                answers.defaultLanguage(),
                settings,
                clock,
                new SecureRandom(),
                phrasings::seen);
    }

    /** Reminds the experts' channels, once, of questions open longer than {@code charter.experts.reminder-after}. */
    @Bean
    HourlyHook expertsReminders(ExpertsDesk desk) {
        return HourlyHook.of("reminders of open questions to the communications team", now -> desk.remind());
    }

    /** Suggested phrasings; each replica reads the approved ones again every 30 seconds. */
    @Bean
    PhrasingReview phrasingReview(
            AnswerEngine answers, PhrasingCandidates candidates, AdminActions admin, Clock clock) {
        return new PhrasingReview(answers, candidates, admin, clock, Duration.ofSeconds(30));
    }

    /** Deletes pending suggested phrasings last seen before {@code charter.privacy.question-retention} (30 days). */
    @Bean
    RetentionHook phrasingRetention(ObjectProvider<PhrasingCandidates> candidates, PrivacyProperties privacy) {
        Duration keep = privacy.questionRetention();
        return RetentionHook.of("pending phrasings older than " + keep, now -> {
            PhrasingCandidates store = candidates.getIfAvailable();
            return store == null ? 0 : store.purgePendingBefore(now.minus(keep));
        });
    }

    /** Deletes questions sent to the communications team after {@code charter.privacy.question-retention} (30 days). */
    @Bean
    RetentionHook expertQuestionRetention(ObjectProvider<ExpertQuestions> questions, PrivacyProperties privacy) {
        Duration keep = privacy.questionRetention();
        return RetentionHook.of("questions to the communications team older than " + keep, now -> {
            ExpertQuestions store = questions.getIfAvailable();
            return store == null ? 0 : store.purgeBefore(now.minus(keep));
        });
    }
}
