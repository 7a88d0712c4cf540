package com.charterbot.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.ExamplePosts;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.Signal;
import com.charterbot.core.charter.TestCharter;
import com.charterbot.core.values.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings learned from a charter's example posts, for drafts that no signal names. */
class LearnedFindingsTest {

    /** Risky posts about a merger (section alpha) and about badges (beta); the bundled clean posts stay. */
    private static final String EXAMPLES = String.join(
            "\n",
            "- {draft: \"the Zentek merger is signed, keep it hush until friday\", risk: stop, topics: [alpha]}",
            "- {draft: \"hush hush but Zentek is buying us, merger signed last night\", risk: stop, topics: [alpha]}",
            "- {draft: \"merger with Zentek coming, the board signed, shhh\", risk: stop, topics: [alpha]}",
            "- {draft: \"Zentek takeover signed, not a word to anyone 🤫\", risk: stop, topics: [alpha]}",
            "- {draft: \"they signed the merger papers with Zentek, keep quiet\", risk: stop, topics: [alpha]}",
            "- {draft: \"big merger news soon, Zentek, keep it hush\", risk: stop, topics: [alpha]}",
            "- {draft: \"Zentek merger done, board signed, hush\", risk: stop, topics: [alpha]}",
            "- {draft: \"my badge photo is awful, swapped it for a cartoon\", risk: stop, topics: [beta]}",
            "- {draft: \"look at my badge and its barcode lol\", risk: stop, topics: [beta]}",
            "- {draft: \"badge number and barcode on show, oops\", risk: stop, topics: [beta]}",
            "- {draft: \"new badge, barcode and all, first day!\", risk: stop, topics: [beta]}",
            "- {draft: \"my badge with its number on show, look, first week\", risk: stop, topics: [beta]}",
            "- {draft: \"badge and barcode on show on my first day lol\", risk: stop, topics: [beta]}",
            "- {draft: \"look, my badge number and its barcode, first day\", risk: stop, topics: [beta]}",
            "- {draft: \"lovely walk by the lake this morning\", risk: clean}",
            "");

    @TempDir
    Path dir;

    private Charter charter(String alphaUnless) {
        TestCharter.writeSignalled(
                dir,
                "## Signals\nRemove it.\n\n- stop: before the announcement\n" + alphaUnless + "\n",
                "## Signaux\nRetirez-le.\n\n- stop : avant l'annonce\n");
        TestCharter.write(dir, ExamplePosts.FILE, EXAMPLES);
        return ((LoadResult.Loaded) TestCharter.load(dir)).charter();
    }

    private static DraftReport check(Charter charter, String text) {
        return new DraftChecker(() -> charter, Language.EN, DraftFindings.NONE).check(Draft.of(text, Optional.empty()));
    }

    @Test
    void aDraftWordedLikeTheRiskyExamplesGetsAStopCitingTheirSectionAndQuotingItsWords() {
        DraftReport report = check(charter(""), "psst, the Zentek merger got signed today, keep it hush");

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.level()).isEqualTo(Signal.Level.STOP);
            assertThat(finding.section().sectionId()).isEqualTo("alpha");
            assertThat(finding.triggers())
                    .isNotEmpty()
                    .isSubsetOf("psst", "Zentek", "merger", "got", "signed", "today", "hush");
            assertThat(finding.change()).isEqualTo("Remove it.");
            assertThat(finding.learned()).isTrue();
        });
    }

    @Test
    void aDraftOfAFewWordsGetsNoLearnedStop() {
        assertThat(check(charter(""), "Zentek merger signed, hush").findings()).isEmpty();
        assertThat(check(charter(""), "psst, the Zentek merger got signed, keep it hush today")
                        .findings())
                .extracting(f -> f.section().sectionId() + " " + f.level())
                .containsExactly("alpha STOP");
    }

    @Test
    void theSectionIsTheOneSuchPostsCite() {
        DraftReport report = check(charter(""), "first day, look at my badge, its number and barcode on show");

        assertThat(report.findings())
                .extracting(f -> f.section().sectionId() + " " + f.level())
                .containsExactly("beta STOP");
    }

    @Test
    void aSectionASignalCautionsAboutIsTheOneRaisedToStop() {
        DraftReport report = check(charter(""), "Zentek merger signed, keep it hush, the prototype is theirs now");

        assertThat(report.findings())
                .extracting(f -> f.section().sectionId() + " " + f.level() + " " + f.learned())
                .containsExactly("beta STOP true");
    }

    @Test
    void aStopThatAnUnlessLoweredStaysATip() {
        Charter charter = charter("- unless: officially announced");

        assertThat(check(charter, "Zentek merger signed before the announcement, officially announced, hush")
                        .findings())
                .extracting(f -> f.section().sectionId() + " " + f.level() + " " + f.learned())
                .containsExactly("alpha TIP false");
    }

    @Test
    void aDraftThatDoesWhatALikelySectionAsksGetsNoLearnedStop() {
        Charter charter = charter("- unless: officially announced");

        assertThat(check(charter, "first day, look at my badge, its number and barcode on show")
                        .findings())
                .extracting(f -> f.section().sectionId() + " " + f.level())
                .containsExactly("beta STOP");
        assertThat(check(charter, "first day, look at my badge, its number and barcode on show, officially announced")
                        .findings())
                .isEmpty();
    }

    @Test
    void aDraftUnlikeThemGetsNothing() {
        assertThat(check(charter(""), "lovely sunset by the lake this evening").findings())
                .isEmpty();
    }

    @Test
    void nothingIsAddedWhenASignalAlreadyStopsTheDraft() {
        DraftReport report = check(charter(""), "Zentek merger signed, keep it hush before the announcement");

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.level()).isEqualTo(Signal.Level.STOP);
            assertThat(finding.triggers()).containsExactly("before the announcement");
            assertThat(finding.learned()).isFalse();
        });
    }

    @Test
    void theSectionsUnlessStillHolds() {
        Charter charter = charter("- unless: officially announced");

        assertThat(check(charter, "Zentek merger signed, officially announced, hush over")
                        .findings())
                .isEmpty();
    }

    @Test
    void theCompanysOwnNameWeighsNothing() {
        Charter charter = charter("");
        PostClassifier classifier = PostClassifier.train(charter);
        String company = charter.settings().companyName();

        assertThat(classifier.stopProbability("Zentek merger signed at " + company + ", hush"))
                .isEqualTo(classifier.stopProbability("Zentek merger signed at , hush"));
    }

    @Test
    void featuresAreLowerCaseWordsWithoutAccentsTheirPairsAndPiecesWithoutTheCompanysName() {
        assertThat(PostClassifier.features("acme industries", "L'Été chez ACME Industries, c'est 🔥 Œuvre"))
                .contains("w:l'ete", "w:chez", "w:c'est", "b:chez_c'est", "c:<l'et", "c:ete>", "w:uvre")
                .noneMatch(feature -> feature.contains("acme") || feature.contains("industries"));
    }

    @Test
    void theQuotedWordsAreTheDraftsAsWritten() {
        Charter charter = charter("");
        List<String> evidence = PostClassifier.train(charter).evidence("🤫🤫 Zentek’s MERGER: signé, hush-hush");

        assertThat(evidence).isNotEmpty().isSubsetOf("Zentek’s", "MERGER", "signé", "hush");
    }

    @Test
    void aCharterWithoutRiskyExamplesNeverFires() {
        TestCharter.writeValid(dir);
        Charter charter = ((LoadResult.Loaded) TestCharter.load(dir)).charter();
        PostClassifier classifier = PostClassifier.train(charter);

        assertThat(classifier.stopProbability("Zentek merger signed, keep it hush"))
                .isLessThan(0.5);
        assertThat(check(charter, "Zentek merger signed, keep it hush").findings())
                .isEmpty();
    }

    @Test
    void theBundledCharterLearnsTheSameModelEveryTime() {
        Charter charter =
                ((LoadResult.Loaded) CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS)).charter();
        String draft = "heard the night shift is being let go after the holidays, not official yet";

        PostClassifier first = PostClassifier.train(charter);
        PostClassifier second = PostClassifier.train(charter);

        assertThat(first.stopProbability(draft)).isEqualTo(second.stopProbability(draft));
        assertThat(first.topics(draft)).isEqualTo(second.topics(draft)).hasSizeGreaterThan(5);
        assertThat(List.copyOf(first.topics(draft))).doesNotHaveDuplicates();
    }
}
