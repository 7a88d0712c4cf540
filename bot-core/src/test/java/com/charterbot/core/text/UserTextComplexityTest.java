package com.charterbot.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.charterbot.core.command.Command;
import com.charterbot.core.command.CommandParser;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Every pass the core makes over a person's text is linear: on long runs of the characters that
 * make regular expressions backtrack (dots, spaces, brackets, mention openers...), the characters
 * read stay within a few per input character. The budget is counted in reads, not measured in
 * time, so it holds on any machine.
 */
class UserTextComplexityTest {

    @Provide
    Arbitrary<String> longRuns() {
        Arbitrary<String> run = Arbitraries.of(LinearText.RUNS)
                .flatMap(piece -> Arbitraries.integers()
                        .between(5_000, 30_000)
                        .map(count -> piece.repeat(Math.max(1, count / piece.length()))));
        Arbitrary<String> around = Arbitraries.of("", "x", "nudges ", "stats ", "lang ", "quiz", "?", ">");
        return run.list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .flatMap(runs -> around.tuple2().map(ends -> ends.get1() + String.join("", runs) + ends.get2()));
    }

    @Property(tries = 60)
    void everyTextPassReadsEachCharacterAFewTimesAtMost(@ForAll("longRuns") String text) {
        LinearText.assertLinear("received", UserText::received, text);
        LinearText.assertLinear("oneLine", UserText::oneLine, text);
        LinearText.assertLinear("withoutTrailing", t -> UserText.withoutTrailing(t, ".!?"), text);
        LinearText.assertLinear("fold", UserText::fold, text);
        LinearText.assertLinear("echo", t -> UserText.echo(t, 40), text);
        LinearText.assertLinear("parse", CommandParser::parse, text);
    }

    @Property(tries = 40)
    void everyPatternTheCoreAppliesToUserTextIsLinear(@ForAll("longRuns") String text) throws ClassNotFoundException {
        for (String name : List.of(
                "com.charterbot.core.answer.QuestionText",
                "com.charterbot.core.answer.LanguageDetector",
                "com.charterbot.core.nudge.NudgeSyntax",
                "com.charterbot.core.chat.ConversationService",
                "com.charterbot.core.quiz.QuizService",
                "com.charterbot.core.command.CommandParser")) {
            for (Pattern pattern : LinearText.staticPatterns(Class.forName(name))) {
                LinearText.assertLinear(pattern, text);
            }
        }
    }

    @Property(tries = 20)
    void theTextAfterTheCommandWordIsReadWithinTheBudgetWhateverItsLength(
            @ForAll @IntRange(min = 1, max = 200_000) int dots) {
        CountingCharSequence counted = new CountingCharSequence("nudges " + ".".repeat(dots) + "x");
        Command command = CommandParser.parse(counted);
        assertThat(command).isNotNull();
        assertThat(counted.reads()).isLessThanOrEqualTo(2L * counted.length() + 1_000);
    }

    /** The first defect of the outside probe: 100,000 dots after {@code nudges} held a CPU for 250 s; now a few milliseconds. */
    @Test
    void aHundredThousandDotsAfterACommandWordDoNotPinTheProcessor() {
        String attack = "nudges " + ".".repeat(100_000) + "x";
        Command command = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CommandParser.parse(attack));
        assertThat(command).isInstanceOf(Command.Ask.class);
    }

    /** The measure itself can fail: the trailing-punctuation pattern the command parser used before is caught. */
    @Test
    void theReadCountCatchesTheOldTrailingPunctuationPattern() {
        String attack = ".".repeat(5_000) + "x";

        assertThatThrownBy(() -> LinearText.assertLinear(Pattern.compile("[.!?\\s]+$"), attack))
                .isInstanceOf(AssertionError.class);
    }
}
