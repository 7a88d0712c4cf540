package com.charterbot.app.experts;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.conversation.ConversationProperties;
import com.charterbot.app.nudge.RetentionHook;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.experts.ExpertQuestion;
import com.charterbot.core.memory.InMemoryAuditLog;
import com.charterbot.core.memory.InMemoryExpertQuestions;
import com.charterbot.core.memory.InMemoryExpertsChannels;
import com.charterbot.core.memory.InMemoryPhrasingCandidates;
import com.charterbot.core.phrasing.Candidate;
import com.charterbot.core.testing.TestConversation;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention of what people send the communications team: {@code charter.privacy.question-retention}, 30 days by default. */
class ExpertsConfigurationTest {

    private static final UserRef ALICE = new UserRef(Platform.SLACK, "T1", "U-ALICE");

    /** What the rest of the application provides the experts' wiring with, in memory. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConversationProperties.class)
    static class Application {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        AnswerEngine answers() {
            return new AnswerEngine(TestConversation.bundledCharter(), Language.EN);
        }

        @Bean
        InMemoryExpertQuestions questions() {
            return new InMemoryExpertQuestions();
        }

        @Bean
        InMemoryExpertsChannels expertsChannels() {
            return new InMemoryExpertsChannels();
        }

        @Bean
        InMemoryPhrasingCandidates candidates() {
            return new InMemoryPhrasingCandidates();
        }

        @Bean
        AdminActions admin(Clock clock) {
            return new AdminActions(new AdminPolicy(AdminDirectory.DEFAULTS), new InMemoryAuditLog(), clock);
        }
    }

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(Application.class, ExpertsConfiguration.class);

    @Test
    void questionsAndPendingPhrasingsGoAfterTheConfiguredRetention() {
        runner.withPropertyValues("charter.privacy.question-retention=10d").run(context -> {
            Instant now = Instant.now();
            InMemoryExpertQuestions questions = context.getBean(InMemoryExpertQuestions.class);
            questions.add(ExpertQuestion.asked(
                    "old", ALICE, "Alice", "an old question", Language.EN, List.of(), now.minus(Duration.ofDays(11))));
            questions.add(ExpertQuestion.asked(
                    "recent",
                    ALICE,
                    "Alice",
                    "a recent question",
                    Language.EN,
                    List.of(),
                    now.minus(Duration.ofDays(9))));
            InMemoryPhrasingCandidates candidates = context.getBean(InMemoryPhrasingCandidates.class);
            candidates.seen("an old phrasing", "photos-videos", Language.EN, now.minus(Duration.ofDays(11)));
            candidates.seen("a recent phrasing", "photos-videos", Language.EN, now.minus(Duration.ofDays(9)));

            context.getBeansOfType(RetentionHook.class).values().forEach(hook -> hook.purge(now));

            assertThat(questions.find("old")).isEmpty();
            assertThat(questions.find("recent")).isPresent();
            assertThat(candidates.pending(10)).extracting(Candidate::text).containsExactly("a recent phrasing");
        });
    }

    @Test
    void theRetentionIsThirtyDaysUnlessConfigured() {
        runner.run(context -> assertThat(
                        context.getBeansOfType(RetentionHook.class).values())
                .extracting(RetentionHook::name)
                .containsExactlyInAnyOrder(
                        "pending phrasings older than PT720H",
                        "questions to the communications team older than PT720H"));
    }
}
