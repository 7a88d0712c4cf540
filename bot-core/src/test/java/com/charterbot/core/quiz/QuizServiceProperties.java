package com.charterbot.core.quiz;

import static com.charterbot.core.quiz.QuizFixtures.ALICE;
import static com.charterbot.core.quiz.QuizFixtures.BOB;
import static com.charterbot.core.quiz.QuizFixtures.GENERAL;
import static com.charterbot.core.quiz.QuizFixtures.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

class QuizServiceProperties {

    /** One click: who, where, with which value (placeholders {S}, {C} stand for real quiz ids), and how long after the previous one. */
    record Click(
            UserRef user, ChannelRef channel, boolean channelQuiz, String value, Language language, int minutesLater) {}

    @Property(tries = 250, shrinking = ShrinkingMode.BOUNDED)
    void anySequenceOfAnswerValuesGivesWellFormedRepliesAndNeverThrows(
            @ForAll("clicks") List<Click> clicks, @ForAll boolean bundled) {
        QuizHarness harness = new QuizHarness(bundled ? QuizFixtures.bundled() : QuizFixtures.tiny(2, "alpha", "beta"));
        String session = QuizHarness.sessionId(harness.service.start(ALICE, Language.EN));
        String channelQuiz =
                QuizHarness.sessionId(harness.service.post(GENERAL, Language.FR).orElseThrow());

        for (Click click : clicks) {
            harness.clock.advance(Duration.ofMinutes(click.minutesLater()));
            String value = click.value() == null
                    ? null
                    : click.value().replace("{S}", session).replace("{C}", channelQuiz);
            List<Reply> replies = click.channelQuiz()
                    ? harness.service.answer(click.user(), click.channel(), value, click.language())
                    : harness.service.answer(click.user(), value, click.language());
            assertThat(replies)
                    .hasSizeLessThanOrEqualTo(2)
                    .allSatisfy(reply -> assertThat(reply.fallbackText()).isNotBlank());
        }
        long personal = harness.activity.quizAnswers(Instant.EPOCH, Instant.MAX).stream()
                .filter(a -> a.channel() == null)
                .count();
        assertThat(personal).isLessThanOrEqualTo(QuizSettings.DEFAULTS.questionsPerQuiz());
        assertThat(harness.channelQuizzes.find(channelQuiz).orElseThrow().answers())
                .hasSizeLessThanOrEqualTo(2);
    }

    @Provide
    Arbitrary<List<Click>> clicks() {
        Arbitrary<String> ids = Arbitraries.of("{S}", "{C}", "0123456789abcdef", "{S}{S}", "");
        Arbitrary<String> indexes = Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 12).map(String::valueOf),
                Arbitraries.of("00", "01", "+1", " 1", "1 ", "", "9999999999", "٣"));
        Arbitrary<String> personal = Combinators.combine(ids, indexes, indexes)
                .as((id, question, option) -> id + ":" + question + ":" + option);
        Arbitrary<String> channel = Combinators.combine(ids, indexes).as((id, option) -> id + ":" + option);
        Arbitrary<String> noise = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars("0123456789abcdef:{}SC-").ofMaxLength(60),
                Arbitraries.just(null));
        Arbitrary<String> values =
                Arbitraries.frequencyOf(Tuple.of(4, personal), Tuple.of(3, channel), Tuple.of(2, noise));
        Arbitrary<Click> click = Combinators.combine(
                        Arbitraries.of(ALICE, BOB),
                        Arbitraries.of(GENERAL, RANDOM),
                        Arbitraries.of(true, false),
                        values,
                        Arbitraries.of(Language.class),
                        Arbitraries.integers().between(0, 12))
                .as(Click::new);
        return click.list().ofMaxSize(15);
    }
}
