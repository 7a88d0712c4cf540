package com.charterbot.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.charter.Signal;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.chat.PlatformEvents;
import com.charterbot.core.check.DraftFindings;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryDeliveryStore;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BotMetricsTest {

    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    static final ChannelRef SLACK_CHANNEL = new ChannelRef(Platform.SLACK, "T1", "C1");
    static final ChannelRef TEAMS_CHANNEL = new ChannelRef(Platform.TEAMS, "tenant", "19:abc@thread.tacv2");
    static final UserRef ALICE = new UserRef(Platform.SLACK, "T1", "U1");
    static final Reply NUDGE = Reply.of(Language.EN, Reply.Delivery.CONVERSATION, List.of(new Block.Text("a tip")));

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final BotMetrics metrics = new BotMetrics(registry);

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void countsQuestionsByTierTopicAndLanguageOnceRecorded() {
        InMemoryActivityLog stored = new InMemoryActivityLog();
        ActivityLog log = metrics.activity(stored);

        log.record(new QuestionAsked(AT, Language.EN, Tier.ANSWER, "photos-videos"));
        log.record(new QuestionAsked(AT, Language.EN, Tier.ANSWER, "photos-videos"));
        log.record(new QuestionAsked(AT, Language.FR, Tier.FALLBACK, null));

        assertThat(count(BotMetrics.QUESTIONS, "tier", "answer", "topic", "photos-videos", "language", "en"))
                .isEqualTo(2);
        assertThat(count(BotMetrics.QUESTIONS, "tier", "fallback", "topic", "none", "language", "fr"))
                .isEqualTo(1);
        assertThat(stored.questions(Instant.EPOCH, Instant.MAX)).hasSize(3);
    }

    @Test
    void aTopicIsASectionIdNeverFreeText() {
        metrics.activity(new InMemoryActivityLog())
                .record(new QuestionAsked(AT, Language.EN, Tier.SUGGEST, "Can I post my boss's photo?"));

        assertThat(registry.find(BotMetrics.QUESTIONS).counters())
                .singleElement()
                .satisfies(
                        counter -> assertThat(counter.getId().getTag("topic")).isEqualTo("none"));
    }

    @Test
    void aFailedWriteIsNotCounted() {
        ActivityLog failing = metrics.activity(new DelegatingLog(new InMemoryActivityLog()) {
            @Override
            public void record(QuestionAsked event) {
                throw new IllegalStateException("database down");
            }
        });

        assertThatThrownBy(() -> failing.record(new QuestionAsked(AT, Language.EN, Tier.ANSWER, "photos-videos")))
                .hasMessage("database down");
        assertThat(registry.find(BotMetrics.QUESTIONS).counters()).isEmpty();
    }

    @Test
    void countsQuizAnswersRightAndWrongAndNudgesSentByPlatform() {
        ActivityLog log = metrics.activity(new InMemoryActivityLog());

        log.record(new QuizAnswered(AT, "photos-videos", "q1", true, null, ALICE));
        log.record(new QuizAnswered(AT, "photos-videos", "q2", false, SLACK_CHANNEL, ALICE));
        log.record(new QuizAnswered(AT, "photos-videos", "q3", false, null, ALICE));
        log.record(new NudgeSent(AT, TEAMS_CHANNEL, NudgeSent.Kind.TIP));

        assertThat(count(BotMetrics.QUIZ_ANSWERS, "result", "right")).isEqualTo(1);
        assertThat(count(BotMetrics.QUIZ_ANSWERS, "result", "wrong")).isEqualTo(2);
        assertThat(count(BotMetrics.NUDGES, "platform", "teams", "outcome", "sent"))
                .isEqualTo(1);
        assertThat(count(BotMetrics.NUDGES, "platform", "slack", "outcome", "sent"))
                .isZero();
    }

    @Test
    void registersTheFixedSeriesAtZeroFromTheStart() {
        for (String outcome : BotMetrics.NUDGE_OUTCOMES) {
            assertThat(registry.find(BotMetrics.NUDGES)
                            .tags("platform", "slack", "outcome", outcome)
                            .counter())
                    .isNotNull();
            assertThat(registry.find(BotMetrics.NUDGES)
                            .tags("platform", "teams", "outcome", outcome)
                            .counter())
                    .isNotNull();
        }
        assertThat(registry.find(BotMetrics.QUIZ_ANSWERS).counters()).hasSize(2);
        assertThat(registry.find(BotMetrics.ANSWER).timers()).hasSize(2);
    }

    @Test
    void countsWhatThePlatformAnsweredToNudges() {
        AtomicInteger call = new AtomicInteger();
        List<SendOutcome> answers = List.of(
                new SendOutcome.Sent(),
                new SendOutcome.RateLimited(Duration.ofSeconds(3)),
                new SendOutcome.Transient("HTTP 503"),
                new SendOutcome.Permanent("channel_not_found"),
                new SendOutcome.Permanent("no conversation reference"),
                new SendOutcome.Transient("timeout: SocketTimeoutException"),
                new SendOutcome.Transient("interrupted"),
                new SendOutcome.Unconfirmed("timeout after the request was sent"));
        ChannelMessenger messenger = metrics.messenger((channel, reply) -> answers.get(call.getAndIncrement()));

        for (int i = 0; i < answers.size(); i++) {
            ChannelRef where = i == 4 ? TEAMS_CHANNEL : SLACK_CHANNEL;
            assertThat(messenger.send(channel(where), NUDGE)).isEqualTo(answers.get(i));
        }

        assertThat(count(BotMetrics.NUDGES, "platform", "slack", "outcome", "rate_limited"))
                .isEqualTo(1);
        assertThat(count(BotMetrics.NUDGES, "platform", "slack", "outcome", "paused"))
                .isEqualTo(1);
        assertThat(count(BotMetrics.NUDGES, "platform", "teams", "outcome", "paused"))
                .isEqualTo(1);
        assertThat(count(BotMetrics.PLATFORM_API_ERRORS, "platform", "slack", "status", "429"))
                .isEqualTo(1);
        assertThat(count(BotMetrics.PLATFORM_API_ERRORS, "platform", "slack", "status", "503"))
                .isEqualTo(1);
        assertThat(count(BotMetrics.PLATFORM_API_ERRORS, "platform", "slack", "status", "channel_not_found"))
                .isEqualTo(1);
        assertThat(count(BotMetrics.NUDGES, "platform", "slack", "outcome", "unconfirmed"))
                .isEqualTo(1);
        assertThat(count(BotMetrics.PLATFORM_API_ERRORS, "platform", "slack", "status", "timeout"))
                .isEqualTo(2);
        assertThat(registry.find(BotMetrics.PLATFORM_API_ERRORS).counters())
                .as("a reason decided without asking the platform, and an interruption, are not API errors")
                .hasSize(4);
    }

    @Test
    void countsTheErrorsThePlatformsAnswerToRepliesWithThoseOfNudges() {
        PlatformApiErrors replies = new OperationsConfiguration().platformApiErrors(metrics);

        replies.count(Platform.SLACK, "500");
        replies.count(Platform.SLACK, "500");
        replies.count(Platform.TEAMS, "timeout");

        assertThat(count(BotMetrics.PLATFORM_API_ERRORS, "platform", "slack", "status", "500"))
                .isEqualTo(2);
        assertThat(count(BotMetrics.PLATFORM_API_ERRORS, "platform", "teams", "status", "timeout"))
                .isEqualTo(1);
    }

    @Test
    void countsTheTimesAPlatformHeldEventsBackFromZero() {
        PlatformEvents events = new OperationsConfiguration().platformEvents(metrics);
        assertThat(count(BotMetrics.EVENTS_RATE_LIMITED, "platform", "slack"))
                .as("registered at zero")
                .isZero();

        events.eventsRateLimited(Platform.SLACK);
        events.eventsRateLimited(Platform.SLACK);

        assertThat(count(BotMetrics.EVENTS_RATE_LIMITED, "platform", "slack")).isEqualTo(2);
        assertThat(count(BotMetrics.EVENTS_RATE_LIMITED, "platform", "teams")).isZero();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "HTTP 503|503",
                "HTTP 403 invalid_auth|403",
                "not_in_channel|not_in_channel",
                "timeout|timeout",
                "network error: ConnectException|network",
                "unexpected error: IllegalStateException: boom|other",
                "no token for the connector|other"
            })
    void namesTheStatusOfATransientFailure(String error, String status) {
        assertThat(MeteredChannelMessenger.transientStatus(error)).contains(status);
    }

    @Test
    void countsDeliveriesRetriedAndGivenUpByTheirChannelsPlatform() {
        InMemoryDeliveryStore stored = new InMemoryDeliveryStore();
        DeliveryStore deliveries = metrics.deliveries(stored);
        long slack = deliveries.createIfAbsent(SLACK_CHANNEL, AT).orElseThrow().id();
        long teams = deliveries.createIfAbsent(TEAMS_CHANNEL, AT).orElseThrow().id();

        assertThat(deliveries.markRetry(slack, 1, 0, "HTTP 503")).isTrue();
        assertThat(deliveries.markRetry(slack, 2, 0, "HTTP 503")).isTrue();
        assertThat(deliveries.markFailed(slack, 3, "HTTP 503")).isTrue();
        assertThat(deliveries.markRetry(slack, 4, 0, "HTTP 503"))
                .as("no longer pending")
                .isFalse();
        assertThat(deliveries.markFailed(teams, 6, "timeout")).isTrue();

        assertThat(count(BotMetrics.NUDGES, "platform", "slack", "outcome", "retried"))
                .isEqualTo(2);
        assertThat(count(BotMetrics.NUDGES, "platform", "slack", "outcome", "failed"))
                .isEqualTo(1);
        assertThat(count(BotMetrics.NUDGES, "platform", "teams", "outcome", "failed"))
                .isEqualTo(1);
        assertThat(stored.find(slack).orElseThrow().attempts()).isEqualTo(3);
    }

    @Test
    void timesQuestionsButNotCommandsOrClicks() {
        AtomicInteger handled = new AtomicInteger();
        Converse converse = metrics.conversation(new Converse() {
            @Override
            public List<Reply> onMessage(Message message) {
                handled.incrementAndGet();
                return List.of();
            }

            @Override
            public List<Reply> onAction(ActionEvent action) {
                handled.incrementAndGet();
                return List.of();
            }

            @Override
            public List<Reply> onDraft(Message draft) {
                handled.incrementAndGet();
                return List.of();
            }
        });

        converse.onMessage(message("can I post this photo?"));
        converse.onMessage(message("quiz"));
        converse.onMessage(message("reload"));
        converse.onMessage(message("check the fair was great"));
        converse.onAction(new ActionEvent(ALICE, SLACK_CHANNEL, "charter.quiz.start", "", false, Optional.empty()));
        converse.onDraft(message("the fair was great"));

        Timer slack = registry.find(BotMetrics.ANSWER).tags("platform", "slack").timer();
        assertThat(slack.count()).isEqualTo(1);
        assertThat(registry.find(BotMetrics.ANSWER)
                        .tags("platform", "teams")
                        .timer()
                        .count())
                .isZero();
        assertThat(handled).hasValue(6);
    }

    @Test
    void countsCheckedDraftsByVerdictAndFindingsBySectionAndLevelOnly() {
        DraftFindings findings = metrics.draftFindings();

        findings.checked(Optional.of(Signal.Level.STOP));
        findings.found("confidential-information", Signal.Level.STOP);
        findings.found("photos-videos", Signal.Level.CAUTION);
        findings.checked(Optional.empty());
        findings.found("Sneak peek of the new range!", Signal.Level.TIP);

        assertThat(count(BotMetrics.DRAFTS_CHECKED, "verdict", "stop")).isEqualTo(1);
        assertThat(count(BotMetrics.DRAFTS_CHECKED, "verdict", "none")).isEqualTo(1);
        assertThat(registry.find(BotMetrics.DRAFTS_CHECKED)
                        .tags("verdict", "caution")
                        .counter())
                .as("registered at start")
                .isNotNull();
        assertThat(count(BotMetrics.DRAFT_FINDINGS, "topic", "confidential-information", "level", "stop"))
                .isEqualTo(1);
        assertThat(count(BotMetrics.DRAFT_FINDINGS, "topic", "photos-videos", "level", "caution"))
                .isEqualTo(1);
        assertThat(count(BotMetrics.DRAFT_FINDINGS, "topic", "none", "level", "tip"))
                .as("never free text as a label")
                .isEqualTo(1);
    }

    private static Message message(String text) {
        return new Message(ALICE, SLACK_CHANNEL, text, Message.Origin.COMMAND, false, Optional.empty());
    }

    private static ChannelState channel(ChannelRef ref) {
        return ChannelState.of(ref, "general", NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN));
    }

    /** Forwards everything, so that a test can override one method. */
    private static class DelegatingLog implements ActivityLog {
        private final ActivityLog log;

        DelegatingLog(ActivityLog log) {
            this.log = log;
        }

        @Override
        public void record(QuestionAsked event) {
            log.record(event);
        }

        @Override
        public void record(QuizAnswered event) {
            log.record(event);
        }

        @Override
        public void record(NudgeSent event) {
            log.record(event);
        }

        @Override
        public void record(com.charterbot.core.activity.AnswerFeedback event) {
            log.record(event);
        }

        @Override
        public List<QuestionAsked> questions(Instant from, Instant to) {
            return log.questions(from, to);
        }

        @Override
        public List<QuizAnswered> quizAnswers(Instant from, Instant to) {
            return log.quizAnswers(from, to);
        }

        @Override
        public List<QuizAnswered> quizAnswers(ChannelRef channel, Instant since) {
            return log.quizAnswers(channel, since);
        }

        @Override
        public List<NudgeSent> nudges(Instant from, Instant to) {
            return log.nudges(from, to);
        }

        @Override
        public List<com.charterbot.core.activity.AnswerFeedback> feedback(Instant from, Instant to) {
            return log.feedback(from, to);
        }

        @Override
        public void forget(UserRef user) {
            log.forget(user);
        }
    }
}
