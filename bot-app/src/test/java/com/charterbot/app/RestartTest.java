package com.charterbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.nudge.NudgeTasks;
import com.charterbot.app.persistence.PseudonymousIds;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AuditLog;
import com.charterbot.core.admin.AuditRecord;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.Frequency;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.people.LanguagePreferences;
import com.charterbot.core.quiz.CardState;
import com.charterbot.core.quiz.QuizProgressStore;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.tip.TipRotationStore;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts the whole application twice on one H2 file database: what people and administrators did
 * in the first process (channel nudge settings, a language choice, a quiz in progress, a tip
 * rotation, a {@code nudges now} delivery not sent yet, the audit trail) is all there in the second,
 * and the second process sends the delivery the first one left pending.
 */
class RestartTest {

    static final String TENANT = "T0RESTART";
    static final UserRef ADMIN = new UserRef(Platform.SLACK, TENANT, "U0ADMIN");
    static final UserRef USER = new UserRef(Platform.SLACK, TENANT, "U0USER");
    static final UserRef READER = new UserRef(Platform.SLACK, TENANT, "U0READER");
    /** The channel the administrator configures and nudges. */
    static final ChannelRef NUDGED = new ChannelRef(Platform.SLACK, TENANT, "C0NUDGED");
    /** Another channel where tips are asked for, so that the restarted nudge (possibly a tip) leaves its rotation alone. */
    static final ChannelRef TIPS = new ChannelRef(Platform.SLACK, TENANT, "C0TIPS");
    /** The user's direct conversation with the bot. */
    static final ChannelRef USER_DM = new ChannelRef(Platform.SLACK, TENANT, "D0USER");

    static final Duration WAIT = Duration.ofSeconds(15);

    /** What the first process left behind. */
    record Snapshot(
            ChannelState channel,
            Map<String, CardState> progress,
            Set<String> tipsShown,
            Optional<String> lastTip,
            NudgeDelivery delivery,
            List<AuditRecord> audit,
            List<Button> secondQuestion) {}

    @Test
    void keepsSettingsLanguageQuizTipsPendingNudgeAndAuditAcrossARestart(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

        GatedMessenger firstMessenger = GatedMessenger.open();
        Snapshot before;
        // The first process polls once at start-up, then not for an hour: the "nudges now" delivery stays PENDING.
        try (ConfigurableApplicationContext first =
                start(url, firstMessenger, "--charter.scheduler.polling-interval=1h")) {
            awaitFirstPlannerRun(first);
            before = useTheBot(first);
            assertThat(firstMessenger.sent).as("the first process sent nothing").isEmpty();
        }

        GatedMessenger secondMessenger = GatedMessenger.closed();
        try (ConfigurableApplicationContext second = start(url, secondMessenger)) {
            try {
                checkEverythingIsBack(second, before, secondMessenger);
            } finally {
                secondMessenger.release();
            }
            checkThePendingNudgeIsSentOnce(second, before, secondMessenger);
        }
    }

    // ----- the first run -----

    private static Snapshot useTheBot(ConfigurableApplicationContext context) {
        Converse converse = context.getBean(Converse.class);

        // An administrator configures the channel's nudges.
        Reply configured = single(
                converse.onMessage(message(ADMIN, NUDGED, "nudges weekly friday 16:00", Message.Origin.COMMAND)));
        assertThat(configured.fallbackText()).contains(Messages.get(Language.EN, "commands.nudges.updated"));
        ChannelState channel = context.getBean(ChannelStore.class).find(NUDGED).orElseThrow();
        assertThat(channel.settings().frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(channel.settings().weekday()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(channel.settings().time()).isEqualTo(LocalTime.of(16, 0));
        assertThat(channel.status()).isEqualTo(ChannelState.Status.ACTIVE);

        // A user chooses French.
        Reply language = single(converse.onMessage(message(USER, USER_DM, "lang fr", Message.Origin.DIRECT)));
        assertThat(language.language()).isEqualTo(Language.FR);

        // The user starts a quiz (in French) and answers its first question.
        Reply question = single(converse.onMessage(message(USER, USER_DM, "quiz", Message.Origin.DIRECT)));
        assertThat(question.language()).isEqualTo(Language.FR);
        List<Button> firstOptions = quizButtons(question);
        assertThat(firstOptions).isNotEmpty();
        assertThat(firstOptions.get(0).value()).startsWith("fr~").endsWith(":0:0");
        List<Reply> answered = converse.onAction(click(USER, USER_DM, firstOptions.get(0)));
        assertThat(answered).hasSize(2);
        assertThat(answered.get(0).delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
        List<Button> secondOptions = quizButtons(answered.get(1));
        assertThat(secondOptions).as("the quiz asks its second question").isNotEmpty();
        assertThat(secondOptions.get(0).value()).endsWith(":1:0");
        Map<String, CardState> progress =
                context.getBean(QuizProgressStore.class).load(USER);
        assertThat(progress).hasSize(1);

        // Two tips in another channel.
        TipRotationStore rotation = context.getBean(TipRotationStore.class);
        List<String> shownInOrder = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Reply tip = single(converse.onMessage(message(READER, TIPS, "tip", Message.Origin.MENTION)));
            assertThat(tip.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
            shownInOrder.add(rotation.last(TIPS).orElseThrow());
        }
        Set<String> shown = rotation.shown(TIPS);
        assertThat(shown).containsExactlyInAnyOrderElementsOf(shownInOrder).hasSize(2);

        // The administrator asks for a nudge now: a PENDING delivery with its task instance.
        Reply now = single(converse.onMessage(message(ADMIN, NUDGED, "nudges now", Message.Origin.COMMAND)));
        assertThat(now.fallbackText()).contains(Messages.get(Language.EN, "commands.nudges.now"));
        DeliveryStore deliveries = context.getBean(DeliveryStore.class);
        List<NudgeDelivery> pending = deliveries.pending(100).stream()
                .filter(d -> d.channel().equals(NUDGED))
                .toList();
        assertThat(pending)
                .singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(NudgeDelivery.Status.PENDING));
        NudgeDelivery delivery = pending.get(0);
        assertThat(deliveryInstances(context, delivery.id())).isEqualTo(1);

        List<AuditRecord> audit = context.getBean(AuditLog.class).recent(50);
        assertThat(audit)
                .extracting(AuditRecord::action)
                .containsExactlyInAnyOrder(AdminActions.NUDGES_CHANGE, AdminActions.NUDGES_NOW);

        return new Snapshot(
                context.getBean(ChannelStore.class).find(NUDGED).orElseThrow(),
                progress,
                shown,
                rotation.last(TIPS),
                delivery,
                audit,
                secondOptions);
    }

    // ----- the second run -----

    private static void checkEverythingIsBack(
            ConfigurableApplicationContext context, Snapshot before, GatedMessenger messenger)
            throws InterruptedException {
        Converse converse = context.getBean(Converse.class);

        // The restarted scheduler picked the delivery up at once; the messenger holds it, so it is still PENDING.
        assertThat(messenger.called.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("the restarted scheduler attempts the delivery the first process left pending")
                .isTrue();
        DeliveryStore deliveries = context.getBean(DeliveryStore.class);
        assertThat(deliveries.find(before.delivery().id())).contains(before.delivery());
        assertThat(deliveries.find(NUDGED, before.delivery().due())).contains(before.delivery());
        assertThat(deliveries.pending(100)).contains(before.delivery());

        // Channel settings.
        ChannelState channel = context.getBean(ChannelStore.class).find(NUDGED).orElseThrow();
        assertThat(channel).isEqualTo(before.channel());
        assertThat(channel.settings().weekday()).isEqualTo(DayOfWeek.FRIDAY);
        Reply settings = single(converse.onMessage(message(ADMIN, NUDGED, "nudges", Message.Origin.COMMAND)));
        assertThat(settings.fallbackText()).contains(before.channel().settings().describe(Language.EN));

        // The language choice: an English question is answered in French.
        assertThat(context.getBean(LanguagePreferences.class).find(USER)).contains(Language.FR);
        Reply answer =
                single(converse.onMessage(message(USER, USER_DM, "can I post this photo?", Message.Origin.DIRECT)));
        assertThat(answer.language()).isEqualTo(Language.FR);
        assertThat(answer.blocks()).anySatisfy(block -> assertThat(block).isInstanceOf(Block.CitedSection.class));
        Reply help = single(converse.onMessage(message(USER, USER_DM, "?", Message.Origin.DIRECT)));
        assertThat(help.language()).isEqualTo(Language.FR);

        // Quiz progress, and the quiz in progress goes on with its second question.
        QuizProgressStore progress = context.getBean(QuizProgressStore.class);
        assertThat(progress.load(USER)).isNotEmpty().isEqualTo(before.progress());
        List<Reply> answered =
                converse.onAction(click(USER, USER_DM, before.secondQuestion().get(0)));
        assertThat(answered)
                .as("the second answer of the quiz started before the restart")
                .hasSize(2);
        assertThat(answered.get(0).delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
        assertThat(answered.get(0).language()).isEqualTo(Language.FR);
        assertThat(quizButtons(answered.get(1)))
                .isNotEmpty()
                .first()
                .satisfies(b -> assertThat(b.value()).endsWith(":2:0"));
        Map<String, CardState> after = progress.load(USER);
        assertThat(after).hasSize(2).containsAllEntriesOf(before.progress());

        // Tip rotation: the same cycle, and the next tip is a new one.
        TipRotationStore rotation = context.getBean(TipRotationStore.class);
        assertThat(rotation.shown(TIPS)).isEqualTo(before.tipsShown());
        assertThat(rotation.last(TIPS)).isEqualTo(before.lastTip());
        single(converse.onMessage(message(READER, TIPS, "tip", Message.Origin.MENTION)));
        String third = rotation.last(TIPS).orElseThrow();
        assertThat(third).isNotIn(before.tipsShown());
        assertThat(rotation.shown(TIPS))
                .hasSize(3)
                .containsAll(before.tipsShown())
                .contains(third);

        // The audit trail, with the same pseudonym for the administrator (the installation secret survived).
        List<AuditRecord> audit = context.getBean(AuditLog.class).recent(50);
        assertThat(audit).containsAll(before.audit());
        String adminPseudonym = context.getBean(PseudonymousIds.class).of(ADMIN);
        assertThat(audit)
                .filteredOn(r -> r.action().equals(AdminActions.NUDGES_NOW))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.target()).isEqualTo(NUDGED.key());
                    assertThat(r.who()).isEqualTo(new UserRef(Platform.SLACK, TENANT, adminPseudonym));
                });
        assertThat(audit)
                .filteredOn(r -> r.action().equals(AdminActions.NUDGES_CHANGE))
                .singleElement()
                .satisfies(r -> assertThat(r.who().userId()).isEqualTo(adminPseudonym));

        // Still PENDING while the messenger holds it.
        assertThat(deliveries.find(before.delivery().id()).orElseThrow().status())
                .isEqualTo(NudgeDelivery.Status.PENDING);
        assertThat(messenger.sent).isEmpty();
    }

    private static void checkThePendingNudgeIsSentOnce(
            ConfigurableApplicationContext context, Snapshot before, GatedMessenger messenger)
            throws InterruptedException {
        DeliveryStore deliveries = context.getBean(DeliveryStore.class);
        long id = before.delivery().id();
        await(
                () -> deliveries.find(id).orElseThrow().status() == NudgeDelivery.Status.SENT,
                "delivery " + id + " sent");
        await(() -> deliveryInstances(context, id) == 0, "the task instance of delivery " + id + " removed");
        assertThat(messenger.sent).containsExactly(NUDGED);
        assertThat(deliveries.pending(100)).noneMatch(d -> d.channel().equals(NUDGED));
        ChannelState channel = context.getBean(ChannelStore.class).find(NUDGED).orElseThrow();
        assertThat(channel.status()).isEqualTo(ChannelState.Status.ACTIVE);
        assertThat(channel.settings()).isEqualTo(before.channel().settings());
        assertThat(channel.lastDelivery()).isPresent();
    }

    // ----- helpers -----

    private static ConfigurableApplicationContext start(String url, ChannelMessenger messenger, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--server.port=0",
                "--charter.admins.slack-user-ids=U0ADMIN",
                "--charter.scheduler.planner-interval=1h"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CharterBotApplication.class)
                .main(CharterBotApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("restartTestMessenger", messenger))
                .run(args.toArray(String[]::new));
    }

    /** The planner runs in the scheduler's first poll; once it has, the next poll is an hour away. */
    private static void awaitFirstPlannerRun(ConfigurableApplicationContext context) throws InterruptedException {
        JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
        await(
                () -> jdbc.sql(
                                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :name AND last_success IS NOT NULL")
                                .param("name", NudgeTasks.PLANNER)
                                .query(Long.class)
                                .single()
                        == 1,
                "the first planner run");
    }

    private static long deliveryInstances(ConfigurableApplicationContext context, long deliveryId) {
        return JdbcClient.create(context.getBean(DataSource.class))
                .sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :name AND task_instance = :instance")
                .param("name", NudgeTasks.DELIVERY)
                .param("instance", String.valueOf(deliveryId))
                .query(Long.class)
                .single();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static Message message(UserRef user, ChannelRef where, String text, Message.Origin origin) {
        return new Message(user, where, text, origin, false, Optional.empty());
    }

    private static ActionEvent click(UserRef user, ChannelRef where, Button button) {
        return new ActionEvent(user, where, button.actionId(), button.value(), false, Optional.empty());
    }

    private static Reply single(List<Reply> replies) {
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private static List<Button> quizButtons(Reply reply) {
        return reply.blocks().stream()
                .filter(Block.Buttons.class::isInstance)
                .flatMap(block -> ((Block.Buttons) block).buttons().stream())
                .filter(button -> button.actionId().equals(ActionIds.QUIZ_ANSWER))
                .toList();
    }

    /**
     * Stands in for a platform adapter: records the channels it posts to, each post waiting until
     * the gate opens, so a delivery stays PENDING for as long as the test needs.
     */
    static final class GatedMessenger implements ChannelMessenger {
        final List<ChannelRef> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch called = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);

        static GatedMessenger open() {
            GatedMessenger messenger = new GatedMessenger();
            messenger.release();
            return messenger;
        }

        static GatedMessenger closed() {
            return new GatedMessenger();
        }

        void release() {
            gate.countDown();
        }

        @Override
        public SendOutcome send(ChannelState channel, Reply reply) {
            called.countDown();
            try {
                if (!gate.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    return new SendOutcome.Transient("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendOutcome.Transient("interrupted");
            }
            sent.add(channel.channel());
            return new SendOutcome.Sent();
        }
    }
}
