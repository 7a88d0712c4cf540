package com.charterbot.app.cli;

import static com.charterbot.app.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.cli.CommandLineTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CheckCommandsTest {

    private static final String DEV_DRAFTS = "../bot-core/src/test/resources/eval/drafts-dev.yaml";
    private static final String LEAK = "Sneak peek of next spring's range! Plan: https://intranet.example.com/plan";

    @Test
    void checkPrintsTheFindingsTheirWordsWhatToChangeAndTheSections() {
        Run run = run("check", LEAK, "--charter.link=https://intranet.example.com/charter");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Don't post this as it is\n")
                .contains("STOP  Confidential information [confidential-information]")
                .contains("In your draft: \u201CSneak peek\u201D")
                .contains("What to change: ")
                .contains("Source: https://intranet.example.com/charter#internal-networks")
                .doesNotContain("{{");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkAnswersInTheLanguageAskedAndListsTheChecksThatAlwaysApplyWhenNothingIsFound() {
        Run run = run("check", "A sunny day at the lake", "--lang", "fr");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("La charte ne s'oppose pas à cette publication\n")
                .contains("Quel que soit le message, vérifiez avant de publier :")
                .contains("(Photos et vidéos au travail)");
    }

    @Test
    void checkWithJsonPrintsTheReport() throws Exception {
        Run run = run("check", LEAK, "--json");

        JsonNode report = JsonMapper.builder().build().readTree(run.out());
        assertThat(report.path("language").asString()).isEqualTo("EN");
        assertThat(report.path("findings").path(0).path("level").asString()).isEqualTo("STOP");
        assertThat(report.path("findings").findValuesAsString("sectionId"))
                .contains("confidential-information", "internal-networks");
        assertThat(report.path("always")).hasSize(3);
    }

    @Test
    void checkEvalLeavesTheSetsOwnDraftsOutOfWhatTheCheckerLearns(@TempDir Path dir) throws Exception {
        Path drafts = dir.resolve("two.yaml");
        // The first is one of the bundled example posts (from drafts-dev.yaml), the second is not.
        String bundled = Files.readAllLines(Path.of(DEV_DRAFTS), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("- {draft:") && line.contains("risk: stop"))
                .findFirst()
                .orElseThrow();
        Files.writeString(
                drafts,
                bundled + "\n- {draft: \"A sunny day at the lake\", lang: en, risk: clean, topics: []}\n",
                StandardCharsets.UTF_8);

        Run all = run("check-eval", drafts.toString(), "--charter.company-name=Norvane");
        Run leftOut = run("check-eval", drafts.toString(), "--charter.company-name=Norvane", "--leave-out");

        assertThat(all.out()).doesNotContain("left out");
        assertThat(leftOut.exitCode()).as(leftOut.err()).isZero();
        List<String> lines = leftOut.out().lines().toList();
        assertThat(lines.get(0))
                .matches("check-eval: learning from \\d+ example posts, 1 left out \\(the set's own drafts\\)");
        assertThat(lines.get(lines.size() - 1)).startsWith("check-eval: n=2 recall_stop=");
        Run elsewhere = run("check", "hello", "--leave-out");
        assertThat(elsewhere.exitCode()).isEqualTo(CommandLine.USAGE);
        assertThat(elsewhere.err()).contains("--leave-out only applies to check-eval");
    }

    @Test
    void checkWithoutADraftOrWithAnUnknownLanguageIsAUsageError() {
        assertThat(run("check").exitCode()).isEqualTo(CommandLine.USAGE);
        Run wrongLanguage = run("check", "hello", "--lang", "de");
        assertThat(wrongLanguage.exitCode()).isEqualTo(CommandLine.USAGE);
        assertThat(wrongLanguage.err()).contains("--lang must be en or fr");
    }

    @Test
    void checkEvalPrintsEachLanguageThenTheOverallLineLast() {
        Run run = run("check-eval", DEV_DRAFTS, "--charter.company-name=Norvane");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("check-eval[en]: n=61 recall_stop=");
        assertThat(lines.get(1)).startsWith("check-eval[fr]: n=59 recall_stop=");
        assertThat(lines.get(2))
                .matches(
                        "check-eval: n=120 recall_stop=\\d\\.\\d\\d precision=\\d\\.\\d\\d false_alarm_clean=\\d\\.\\d\\d");
    }

    @Test
    void checkEvalVerboseNamesWhatWentWrong(@TempDir Path dir) throws Exception {
        Path drafts = dir.resolve("drafts.yaml");
        Files.writeString(drafts, """
                - {draft: "Sneak peek of next spring's range!", lang: en, risk: stop, topics: [confidential-information]}
                - {draft: "A sunny day at the lake", lang: en, risk: stop, topics: [photos-videos]}
                - {draft: "Sneak peek of my garden", lang: en, risk: clean, topics: []}
                """, StandardCharsets.UTF_8);

        Run run = run("check-eval", drafts.toString(), "--verbose");

        assertThat(run.out().lines().filter(line -> line.startsWith("miss "))).hasSize(2);
        assertThat(run.out()).contains("miss [en stop] A sunny day at the lake -> [] expected=[photos-videos]");
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("check-eval: n=3 recall_stop=0.50 precision=1.00 false_alarm_clean=1.00");
    }

    @Test
    void checkEvalSaysWhatIsWrongWithTheFile(@TempDir Path dir) throws Exception {
        Path drafts = dir.resolve("drafts.yaml");
        Files.writeString(drafts, "- {draft: x, lang: en, risk: maybe}\n", StandardCharsets.UTF_8);

        Run run = run("check-eval", drafts.toString());

        assertThat(run.exitCode()).isEqualTo(CommandLine.FAILED);
        assertThat(run.err()).contains("entry 1: risk must be stop, caution or clean");
        assertThat(run("check-eval").exitCode()).isEqualTo(CommandLine.USAGE);
    }
}
