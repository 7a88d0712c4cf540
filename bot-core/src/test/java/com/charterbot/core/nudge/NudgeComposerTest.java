package com.charterbot.core.nudge;

import static com.charterbot.core.nudge.DispatcherFixtures.WEEKLY_MONDAY_10;
import static com.charterbot.core.nudge.DispatcherFixtures.channel;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryChannelQuizStore;
import com.charterbot.core.memory.InMemoryQuizProgressStore;
import com.charterbot.core.memory.InMemoryQuizSessionStore;
import com.charterbot.core.memory.InMemoryTipRotationStore;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.tip.TipService;
import com.charterbot.core.values.Language;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NudgeComposerTest {

    static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

    @Test
    void aTipsChannelGetsATip() {
        NudgeComposer composer = new NudgeComposer(DispatcherFixtures.tips(), DispatcherFixtures.quizzes(true));

        NudgeComposer.Nudge nudge = composer.compose(ChannelState.of(channel(0), "general", WEEKLY_MONDAY_10));

        assertThat(nudge.kind()).isEqualTo(NudgeSent.Kind.TIP);
        assertThat(nudge.reply().fallbackText()).startsWith("tip 1");
    }

    @Test
    void aQuizChannelGetsAQuizOrATipWhenThereIsNoQuestion() {
        ChannelState quizChannel =
                ChannelState.of(channel(0), "general", WEEKLY_MONDAY_10.withContent(NudgeContent.QUIZ));

        NudgeComposer.Nudge quiz =
                new NudgeComposer(DispatcherFixtures.tips(), DispatcherFixtures.quizzes(true)).compose(quizChannel);
        NudgeComposer.Nudge fallback =
                new NudgeComposer(DispatcherFixtures.tips(), DispatcherFixtures.quizzes(false)).compose(quizChannel);

        assertThat(quiz.kind()).isEqualTo(NudgeSent.Kind.QUIZ);
        assertThat(quiz.reply().fallbackText()).startsWith("quiz for");
        assertThat(fallback.kind()).isEqualTo(NudgeSent.Kind.TIP);
        assertThat(fallback.reply().fallbackText()).startsWith("tip");
    }

    @Test
    void anAlternatingChannelTakesTurnsStartingWithATip() {
        NudgeComposer composer = new NudgeComposer(DispatcherFixtures.tips(), DispatcherFixtures.quizzes(true));
        ChannelState state =
                ChannelState.of(channel(0), "general", WEEKLY_MONDAY_10.withContent(NudgeContent.ALTERNATE));

        List<NudgeSent.Kind> kinds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            NudgeComposer.Nudge nudge = composer.compose(state);
            kinds.add(nudge.kind());
            state = state.delivered(T0.plusSeconds(i), nudge.kind());
        }

        assertThat(kinds)
                .containsExactly(NudgeSent.Kind.TIP, NudgeSent.Kind.QUIZ, NudgeSent.Kind.TIP, NudgeSent.Kind.QUIZ);
    }

    @Test
    void composesRealTipsAndQuizzesOfTheBundledCharterInTheChannelsLanguage() {
        Charter charter = bundled();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        InMemoryActivityLog activity = new InMemoryActivityLog();
        TipService tips =
                new TipService(() -> charter, new InMemoryTipRotationStore(), activity, clock, new SplittableRandom(1));
        QuizService quizzes = new QuizService(
                () -> charter,
                new InMemoryQuizProgressStore(),
                new InMemoryQuizSessionStore(),
                new InMemoryChannelQuizStore(),
                activity,
                QuizSettings.DEFAULTS,
                clock,
                new SplittableRandom(2));
        NudgeComposer composer = new NudgeComposer(tips, quizzes);
        NudgeSettings french = WEEKLY_MONDAY_10.withLanguage(Language.FR).withContent(NudgeContent.QUIZ);

        NudgeComposer.Nudge tip = composer.compose(ChannelState.of(channel(0), "general", WEEKLY_MONDAY_10));
        NudgeComposer.Nudge quiz = composer.compose(ChannelState.of(channel(1), "général", french));

        assertThat(tip.kind()).isEqualTo(NudgeSent.Kind.TIP);
        assertThat(tip.reply().language()).isEqualTo(Language.EN);
        assertThat(tip.reply().delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
        assertThat(quiz.kind()).isEqualTo(NudgeSent.Kind.QUIZ);
        assertThat(quiz.reply().language()).isEqualTo(Language.FR);
        assertThat(quiz.reply().delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
        assertThat(quiz.reply().blocks())
                .anySatisfy(block -> assertThat(block)
                        .isInstanceOfSatisfying(
                                Block.Buttons.class,
                                buttons -> assertThat(buttons.buttons())
                                        .allSatisfy(b ->
                                                assertThat(b.actionId()).isEqualTo(ActionIds.CHANNEL_QUIZ_ANSWER))));
    }

    static Charter bundled() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        throw new IllegalStateException("the bundled charter does not load: " + result);
    }
}
