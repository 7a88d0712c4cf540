package com.charterbot.app.ops;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.charter.Signal;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.check.DraftFindings;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.values.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bot's own metrics, recorded by decorators around the core's ports (the core itself knows no
 * metrics library). Names as Micrometer sees them; Prometheus shows {@code charter.questions} as
 * {@code charter_questions_total}, {@code charter.answer} as {@code charter_answer_seconds}, and so
 * on (see README "Operations"). Every label takes a bounded set of values: a topic is a section id
 * of the charter, never text someone typed. Thread-safe.
 */
public final class BotMetrics {

    /** Questions answered, by {@code tier}, {@code topic} (the cited or first suggested section, or "none") and {@code language}. */
    public static final String QUESTIONS = "charter.questions";
    /** Time from a question to its replies, by {@code platform}; a histogram. */
    public static final String ANSWER = "charter.answer";
    /** Quiz answers, by {@code result}: right or wrong. */
    public static final String QUIZ_ANSWERS = "charter.quiz.answers";
    /** Nudges, by {@code platform} and {@code outcome}: sent, retried, failed, rate_limited, paused. */
    public static final String NUDGES = "charter.nudges";
    /** Channels whose nudges are paused, all platforms together. */
    public static final String CHANNELS_PAUSED = "charter.channels.paused";
    /** Errors a platform's API answered to a nudge or a reply, by {@code platform} and {@code status} (HTTP status, Slack error code, timeout...). */
    public static final String PLATFORM_API_ERRORS = "charter.platform.api.errors";

    /** Drafts checked, by {@code verdict}: the most serious finding's level (stop, caution, tip), or none. */
    public static final String DRAFTS_CHECKED = "charter.drafts.checked";
    /** Findings on checked drafts, by {@code topic} (a charter section id) and {@code level}; never a word of a draft. */
    public static final String DRAFT_FINDINGS = "charter.draft.findings";

    /** Times a platform held back events meant for the bot (Slack's {@code app_rate_limited}), by {@code platform}. */
    public static final String EVENTS_RATE_LIMITED = "charter.platform.events.rate.limited";

    /** The outcomes of {@link #NUDGES}. */
    public static final List<String> NUDGE_OUTCOMES =
            List.of("sent", "unconfirmed", "retried", "failed", "rate_limited", "paused");

    /** The answer-time histogram's buckets: an answer is one Lucene query, a reply one platform call. */
    private static final Duration[] ANSWER_BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5)
    };
    /** Section ids are short; anything else is not a topic. */
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final MeterRegistry registry;
    private final Map<Platform, Timer> answerTimers = new EnumMap<>(Platform.class);

    public BotMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        // Registered at start, so that dashboards and alerts see zeros rather than missing series.
        for (Platform platform : Platform.values()) {
            answerTimers.put(
                    platform,
                    Timer.builder(ANSWER)
                            .description("Time from a question to the bot's replies")
                            .tag("platform", name(platform))
                            .serviceLevelObjectives(ANSWER_BUCKETS)
                            .register(registry));
            for (String outcome : NUDGE_OUTCOMES) {
                nudges(platform, outcome);
            }
            eventsRateLimitedCounter(platform);
        }
        quizAnswer(true);
        quizAnswer(false);
        draftsChecked("none");
        for (Signal.Level level : Signal.Level.values()) {
            draftsChecked(name(level));
        }
    }

    /** Counts the questions, quiz answers and nudges sent that the log records. */
    public ActivityLog activity(ActivityLog log) {
        return new MeteredActivityLog(log, this);
    }

    /** Counts rate limits, channels paused and platform API errors from what the platform answered. */
    public ChannelMessenger messenger(ChannelMessenger messenger) {
        return new MeteredChannelMessenger(messenger, this);
    }

    /** Counts the nudge deliveries rescheduled after a failed attempt and the ones given up. */
    public DeliveryStore deliveries(DeliveryStore deliveries) {
        return new MeteredDeliveryStore(deliveries, this);
    }

    /** Counts checked drafts by verdict and their findings by section and level. */
    public DraftFindings draftFindings() {
        return new DraftFindings() {
            @Override
            public void checked(Optional<Signal.Level> verdict) {
                draftsChecked(verdict.map(BotMetrics::name).orElse("none")).increment();
            }

            @Override
            public void found(String sectionId, Signal.Level level) {
                Counter.builder(DRAFT_FINDINGS)
                        .description("Findings on checked drafts, by topic (charter section) and level")
                        .tag("topic", TOPIC.matcher(sectionId).matches() ? sectionId : "none")
                        .tag("level", name(level))
                        .register(registry)
                        .increment();
            }
        };
    }

    private Counter draftsChecked(String verdict) {
        return Counter.builder(DRAFTS_CHECKED)
                .description("Drafts checked against the charter, by the most serious finding's level")
                .tag("verdict", verdict)
                .register(registry);
    }

    /** Times the answers to questions. */
    public Converse conversation(Converse converse) {
        return new TimedConverse(converse, this);
    }

    void questionAsked(QuestionAsked event) {
        String topic =
                event.sectionId() != null && TOPIC.matcher(event.sectionId()).matches() ? event.sectionId() : "none";
        Counter.builder(QUESTIONS)
                .description("Questions answered, by tier, topic (charter section) and language")
                .tag("tier", event.tier().name().toLowerCase(Locale.ROOT))
                .tag("topic", topic)
                .tag("language", event.language().tag())
                .register(registry)
                .increment();
    }

    Counter quizAnswer(boolean right) {
        return Counter.builder(QUIZ_ANSWERS)
                .description("Quiz answers, right or wrong")
                .tag("result", right ? "right" : "wrong")
                .register(registry);
    }

    Counter nudges(Platform platform, String outcome) {
        return Counter.builder(NUDGES)
                .description("Nudges sent, retried, given up (failed), rate limited, or that paused their channel")
                .tag("platform", name(platform))
                .tag("outcome", outcome)
                .register(registry);
    }

    void platformError(Platform platform, String status) {
        Counter.builder(PLATFORM_API_ERRORS)
                .description("Errors the platforms' APIs answered, by HTTP status or error code")
                .tag("platform", name(platform))
                .tag("status", status)
                .register(registry)
                .increment();
    }

    void eventsRateLimited(Platform platform) {
        eventsRateLimitedCounter(platform).increment();
    }

    private Counter eventsRateLimitedCounter(Platform platform) {
        return Counter.builder(EVENTS_RATE_LIMITED)
                .description("Times a platform held back events meant for the bot because it sent too many")
                .tag("platform", name(platform))
                .register(registry);
    }

    Timer answerTimer(Platform platform) {
        return answerTimers.get(platform);
    }

    MeterRegistry registry() {
        return registry;
    }

    static String name(Platform platform) {
        return platform.name().toLowerCase(Locale.ROOT);
    }

    static String name(Signal.Level level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
