package com.charterbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.TestCharters;
import com.charterbot.app.TestCharters.Planted;
import com.charterbot.core.charter.Calibration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CommandLineTest {

    private static final String EVAL_QUESTIONS = "../bot-core/src/test/resources/eval/questions.yaml";
    private static final String HELDOUT_QUESTIONS = "../bot-core/src/test/resources/eval/heldout-questions.yaml";
    private static final String PHOTO = "can I post this photo?";

    /** What a command printed and returned. */
    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        return runTyping("", args);
    }

    /** Runs a command whose standard input is {@code typed}. */
    static Run runTyping(String typed, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = CommandLine.run(
                    args, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), outStream, errStream);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Nested
    class Ask {

        @Test
        void listsTheSectionsThatAlsoApplyWithTheirKeyPoint() {
            Run run = run("ask", "funny photo of a colleague asleep at the seminar, ok to post?");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .startsWith("Colleagues' privacy and image\n")
                    .contains(
                            "\nAlso applies:\n  - Photos and videos at work [photos-videos]: Photos and videos of your work");
        }

        @Test
        void answersInEnglishWithTitleRuleChecklistAndSource() {
            Run run = run("ask", PHOTO);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .startsWith("Photos and videos at work\n")
                    .contains("Photos and videos of your work, at the office, in the workshop or on site, are welcome")
                    .contains("Before you act:")
                    .contains("[photos-videos]")
                    .doesNotContain("{{");
            assertThat(run.err()).isEmpty();
        }

        @Test
        void repliesInFrenchWhenAskedTo() {
            Run run = run("ask", PHOTO, "--lang", "fr");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .startsWith("Photos et vidéos au travail\n")
                    .contains("Avant d'agir\u00a0:")
                    .contains("[photos-videos]")
                    .doesNotContain("Before you act");
        }

        @Test
        void detectsAFrenchQuestionWithoutLangOption() {
            Run run = run("ask", "Puis-je publier cette photo ?");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Photos et vidéos au travail", "Avant d'agir", "[photos-videos]");
        }

        @Test
        void acceptsLangWithEqualsSign() {
            Run run = run("ask", PHOTO, "--lang=fr");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Avant d'agir");
        }

        @Test
        void joinsSeveralWordsIntoOneQuestion() {
            Run run = run("ask", "can", "I", "post", "this", "photo?");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("[photos-videos]");
        }

        @Test
        void printsJsonThatParses() {
            Run run = run("ask", PHOTO, "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = JsonMapper.builder().build().readTree(run.out());
            assertThat(json.get("tier").asString()).isEqualTo("ANSWER");
            assertThat(json.get("citation").get("sectionId").asString()).isEqualTo("photos-videos");
            assertThat(json.get("citation").get("title").asString()).isEqualTo("Photos and videos at work");
            assertThat(json.get("checklist").isArray()).isTrue();
            assertThat(json.get("checklist").size()).isPositive();
        }

        @Test
        void usesCharterLinkFromConfiguration() {
            Run run = run("ask", PHOTO, "--json", "--charter.link=https://intranet.example/charter");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode citation = JsonMapper.builder().build().readTree(run.out()).get("citation");
            assertThat(citation.get("link").asString())
                    .startsWith("https://intranet.example/charter")
                    .contains("photos-videos");
        }

        @Test
        void doesNotAnswerOffTopicQuestionsAsIfTheCharterCoveredThem() {
            Run run = run("ask", "Can you order me a pizza?", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = JsonMapper.builder().build().readTree(run.out());
            assertThat(json.get("tier").asString()).isNotEqualTo("ANSWER");
            assertThat(json.get("citation").isNull()).isTrue();
        }

        @Test
        void blankQuestionGetsHelpTextWithTheDefaultCompany() {
            Run run = run("ask", " ");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Acme Industries");
        }

        @Test
        void companyNamePropertyChangesTheHelpText() {
            Run run = run("ask", " ", "--charter.company-name=Globex");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Globex").doesNotContain("Acme");
        }

        @Test
        void usesTheCharterFolderGiven(@TempDir Path dir) {
            TestCharters.copyBundled(dir);
            TestCharters.replaceLine(
                    dir, "en/photos-videos.md", "title:", "title: Photos and videos at work, test edition");

            Run run = run("ask", PHOTO, "--charter", dir.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .startsWith("Photos and videos at work, test edition\n")
                    .contains("[photos-videos]");
        }

        @Test
        void acceptsCharterWithEqualsSign(@TempDir Path dir) {
            TestCharters.copyBundled(dir);
            TestCharters.replaceLine(
                    dir, "en/photos-videos.md", "title:", "title: Photos and videos at work, test edition");

            Run run = run("ask", PHOTO, "--charter=" + dir);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("test edition");
        }

        @Test
        void failsWithTheProblemsWhenTheCharterIsBroken(@TempDir Path dir) {
            List<Planted> planted = TestCharters.copyBroken(dir);

            Run run = run("ask", PHOTO, "--charter", dir.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            planted.forEach(p -> assertThat(run.err()).contains(p.location()));
        }

        @Test
        void withoutAQuestionIsAUsageError() {
            Run run = run("ask");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("ask needs a question").contains("usage:");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void unsupportedLanguageIsAUsageError() {
            Run run = run("ask", PHOTO, "--lang", "de");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--lang", "de", "usage:");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void langWithoutValueIsAUsageError() {
            Run run = run("ask", PHOTO, "--lang");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--lang needs a value");
        }

        @Test
        void invalidConfigurationNamesTheSettingAndWhy() {
            Run run = run("ask", PHOTO, "--charter.default-language=de");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .contains("charter.default-language must be en or fr, not 'de'")
                    .doesNotContain("Exception");
            assertThat(run.err().lines()).hasSize(1);
        }

        @Test
        void unknownOptionIsAUsageError() {
            Run run = run("ask", PHOTO, "--frobnicate");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("unknown option --frobnicate").contains("usage:");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void startsAQuizWithItsFirstQuestionAndNumberedChoices() {
            Run run = run("ask", "quiz");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .startsWith("Question 1 of 3\n")
                    .contains("  [1] ", "  [2] ", "chat")
                    .doesNotContain("not cover");
        }

        @Test
        void givesATipInTheLanguageOfTheCommandWord() {
            Run tip = run("ask", "tip");
            Run astuce = run("ask", "astuce");

            assertThat(tip.out()).startsWith("Tip\n").contains("From the charter: ");
            assertThat(astuce.out()).startsWith("Astuce\n").contains("Extrait de la charte\u00a0: ");
        }

        @Test
        void putsTheFrenchSpaceBeforeTheColonOfItsLabels() {
            Run run = run("ask", "Un journaliste veut m'interviewer, que faire ?");

            assertThat(run.out())
                    .contains("Avant d'agir\u00a0:\n", "Source\u00a0: ")
                    .doesNotContain("agir:");
        }
    }

    @Nested
    class Validate {

        @Test
        void acceptsTheBundledCharter() {
            Run run = run("validate", TestCharters.BUNDLED.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("valid").doesNotContain("problem");
        }

        @Test
        void acceptsACopyOfTheBundledCharter(@TempDir Path dir) {
            TestCharters.copyBundled(dir);

            Run run = run("validate", dir.toString());

            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(run.out()).contains("valid");
        }

        @Test
        void listsEveryProblemWithFileAndLine(@TempDir Path dir) {
            List<Planted> planted = TestCharters.copyBroken(dir);

            Run run = run("validate", dir.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains(planted.size() + " problems:");
            for (Planted p : planted) {
                assertThat(run.out()).contains(p.location() + ":");
            }
            assertThat(run.out()).contains("no-such-section").contains("no_such_placeholder");
        }

        @Test
        void reportsAMissingLanguageFolder(@TempDir Path dir) throws Exception {
            TestCharters.copyBundled(dir);
            try (var files = Files.list(dir.resolve("fr"))) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir.resolve("fr"));

            Run run = run("validate", dir.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("fr/");
        }

        @Test
        void reportsAFolderThatDoesNotExist(@TempDir Path dir) {
            Run run = run("validate", dir.resolve("missing").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("not a folder");
        }

        @Test
        void withoutAFolderIsAUsageError() {
            Run run = run("validate");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .contains("validate needs exactly one charter folder")
                    .contains("usage:");
            assertThat(run.out()).isEmpty();
        }
    }

    @Nested
    class Eval {

        @Test
        void printsPerLanguageLinesThenTheOverallLineLast() {
            Run run = run("eval", EVAL_QUESTIONS);

            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String> lines = run.outLines();
            assertThat(lines).isNotEmpty();
            String metrics =
                    " n=\\d+ answered@1=\\d\\.\\d\\d hit@3=\\d\\.\\d\\d mrr=\\d\\.\\d\\d wrong=\\d\\.\\d\\d abstain=\\d\\.\\d\\d";
            assertThat(lines.get(lines.size() - 1))
                    .matches(
                            "eval: n=61 answered@1=\\d\\.\\d\\d hit@3=\\d\\.\\d\\d mrr=\\d\\.\\d\\d wrong=\\d\\.\\d\\d abstain=\\d\\.\\d\\d");
            List<String> before = lines.subList(0, lines.size() - 1);
            assertThat(before).anyMatch(l -> l.matches("eval\\[en]:" + metrics));
            assertThat(before).anyMatch(l -> l.matches("eval\\[fr]:" + metrics));
            int en = sampleSize(before, "eval[en]:");
            int fr = sampleSize(before, "eval[fr]:");
            assertThat(en + fr).isEqualTo(61);
        }

        @Test
        void verboseStillEndsWithTheOverallLine() {
            Run run = run("eval", EVAL_QUESTIONS, "--verbose");

            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String> lines = run.outLines();
            assertThat(lines.get(lines.size() - 1)).startsWith("eval: n=61 ");
            assertThat(lines).allMatch(l -> l.startsWith("miss [") || l.startsWith("eval"));
        }

        @Test
        void missingFileFailsWithAClearMessage(@TempDir Path dir) {
            Path missing = dir.resolve("no-such-questions.yaml");

            Run run = run("eval", missing.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("cannot read").contains("no-such-questions.yaml");
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void malformedYamlFails(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("broken.yaml");
            Files.writeString(file, "- {q: \"unterminated, lang: en\n  - : ][\n", StandardCharsets.UTF_8);

            Run run = run("eval", file.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("broken.yaml").doesNotContain("\tat ");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void entryWithUnknownLanguageFailsNamingItsLine(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("questions.yaml");
            Files.writeString(file, """
                    - {q: "Can I post this photo?", lang: en, expect: [photos-videos]}
                    - {q: "Darf ich dieses Foto posten?", lang: de, expect: [photos-videos]}
                    """, StandardCharsets.UTF_8);

            Run run = run("eval", file.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains(file + ":2: lang must be en or fr");
        }

        @Test
        void unknownExpectedSectionFailsNamingItsLine(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("questions.yaml");
            Files.writeString(file, """
                    # photos
                    - {q: "Can I post this photo?", lang: en, expect: [photos-videos]}
                    - q: "Can I post a picture of my team?"
                      lang: en
                      expect: [photos-videos, colleague-privacy]
                    """, StandardCharsets.UTF_8);

            Run run = run("eval", file.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .contains(file + ":3: unknown section id 'colleague-privacy'")
                    .contains("colleagues-privacy");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void showsADashForAMetricThatDoesNotApply(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("questions.yaml");
            Files.writeString(file, """
                    - {q: "Can I post this photo?", lang: en, expect: [photos-videos]}
                    - {q: "Quel est le code du wifi ?", lang: fr, expect: []}
                    """, StandardCharsets.UTF_8);

            Run run = run("eval", file.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.outLines()).anyMatch(l -> l.startsWith("eval[en]: n=1 ") && l.endsWith(" abstain=-"));
            assertThat(run.outLines())
                    .anyMatch(
                            l -> l.matches("eval\\[fr]: n=1 answered@1=- hit@3=- mrr=- wrong=- abstain=\\d\\.\\d\\d"));
        }

        @Test
        void maxPhrasingsEvaluatesTheCharterCutToItsFirstPhrasings() {
            Run cut = run("eval", EVAL_QUESTIONS, "--max-phrasings", "8");

            assertThat(cut.exitCode()).as(cut.err()).isZero();
            assertThat(cut.outLines().get(cut.outLines().size() - 1)).startsWith("eval: n=61 ");
            assertThat(run("eval", EVAL_QUESTIONS, "--max-phrasings=8").out()).isEqualTo(cut.out());
        }

        @Test
        void evaluatesSeveralFilesTogether() {
            Run both = run("eval", EVAL_QUESTIONS, HELDOUT_QUESTIONS);

            assertThat(both.exitCode()).as(both.err()).isZero();
            assertThat(both.outLines().get(both.outLines().size() - 1)).startsWith("eval: n=257 ");
        }

        @Test
        void calibratePrintsACalibrationFileThatACharterFolderAccepts(@TempDir Path dir) throws Exception {
            Run run = run("eval", EVAL_QUESTIONS, HELDOUT_QUESTIONS, "--calibrate", "--precision", "0.9");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .startsWith("# Written by: charter-bot eval " + EVAL_QUESTIONS + " " + HELDOUT_QUESTIONS
                            + " --calibrate --precision 0.9\n")
                    .contains("Fitted on 257 questions")
                    .contains("answers right 90.0% of the time for questions");
            Calibration.Parsed parsed = Calibration.parse("calibration.properties", run.out());
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.calibration()).isNotEqualTo(Calibration.defaults());

            Path charter = dir.resolve("charter");
            TestCharters.copyBundled(charter);
            Files.writeString(charter.resolve(Calibration.FILE_NAME), run.out(), StandardCharsets.UTF_8);
            Run validated = run("validate", charter.toString());
            assertThat(validated.exitCode()).as(validated.out()).isZero();
        }

        @Test
        void calibrateAndPrecisionAreCheckedBeforeAnyWork() {
            assertThat(run("eval", EVAL_QUESTIONS, "--precision", "0.9").err())
                    .contains("--precision goes with --calibrate");
            assertThat(run("eval", EVAL_QUESTIONS, "--calibrate", "--precision", "95")
                            .err())
                    .contains("between 0.5 and 1");
            assertThat(run("eval", EVAL_QUESTIONS, "--calibrate", "--max-phrasings", "8")
                            .exitCode())
                    .isEqualTo(2);
            assertThat(run("ask", PHOTO, "--calibrate").exitCode()).isEqualTo(2);
        }

        @Test
        void maxPhrasingsNeedsAPositiveNumberAndOnlyAppliesToEval() {
            assertThat(run("eval", EVAL_QUESTIONS, "--max-phrasings", "0").exitCode())
                    .isEqualTo(2);
            assertThat(run("eval", EVAL_QUESTIONS, "--max-phrasings=many").err())
                    .contains("--max-phrasings needs a whole number");
            assertThat(run("ask", PHOTO, "--max-phrasings", "8").exitCode()).isEqualTo(2);
        }

        @Test
        void nonUtf8FileFails(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("latin1.yaml");
            Files.write(
                    file,
                    "- {q: \"Puis-je publier cette photo ? \u00e9t\u00e9\", lang: fr, expect: [photos-videos]}\n"
                            .getBytes(StandardCharsets.ISO_8859_1));

            Run run = run("eval", file.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("UTF-8");
        }

        @Test
        void withoutAFileIsAUsageError() {
            Run run = run("eval");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("usage:");
        }

        private static int sampleSize(List<String> lines, String prefix) {
            String line =
                    lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
            String n = Arrays.stream(line.split(" "))
                    .filter(w -> w.startsWith("n="))
                    .findFirst()
                    .orElseThrow();
            return Integer.parseInt(n.substring(2));
        }
    }

    @Nested
    class Chat {

        @Test
        void runsAQuizClickedByNumberThenTheNextQuestion() {
            Run run = runTyping("quiz\n1\nquit\n", "chat");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("charter administrator", "Question 1 of 3", "Question 2 of 3");
            assertThat(run.out()).containsAnyOf("Right", "Not quite");
        }

        @Test
        void letsAnAdministratorTryNudgesAndStatistics() {
            Run run = runTyping("nudges monthly 15 09:00\nnudges now\nstats\n", "chat");

            assertThat(run.out())
                    .contains(
                            "Monthly on day 15 at 09:00",
                            "A nudge is on its way to this channel.",
                            "~ nudge posted in the channel",
                            "Charter awareness from");
        }

        @Test
        void refusesAdministratorCommandsToAnEmployee() {
            Run run = runTyping("stats\n", "chat", "--employee");

            assertThat(run.out()).contains("an employee", "Only charter administrators can");
        }

        @Test
        void answersInFrenchAfterLangueFr() {
            Run run = runTyping("langue fr\nPuis-je publier une photo de l'usine ?\n", "chat");

            assertThat(run.out()).contains("désormais en français", "Photos et vidéos");
        }

        @Test
        void takesNoWordsOnItsCommandLine() {
            Run run = run("chat", "hello");

            assertThat(run.exitCode()).isEqualTo(2);
        }
    }

    @Nested
    class Init {

        @Test
        void writesACharterFolderThatValidatesAndAnswersWithItsOwnSettings(@TempDir Path dir) throws Exception {
            Path folder = dir.resolve("my-charter");

            Run init = run("init", folder.toString());

            assertThat(init.exitCode()).as(init.err()).isZero();
            assertThat(folder.resolve("en")).isDirectory();
            assertThat(folder.resolve("fr")).isDirectory();
            assertThat(folder.resolve("application.yaml")).isRegularFile();
            assertThat(folder.resolve("questions.yaml")).isRegularFile();
            assertThat(folder.resolve("README.md")).isRegularFile();
            assertThat(folder.resolve("charter-format.md")).content().contains("## Placeholders");
            assertThat(run("validate", folder.toString()).exitCode()).isZero();
            Run help = run("ask", "help", "--charter", folder.toString(), "--charter.company-name=Globex");
            assertThat(help.out()).contains("Globex");
        }

        @Test
        void itsWatchListVocabularyAndExamplesAreReadyToFillAndTheCheckerReadsThem(@TempDir Path dir) throws Exception {
            Path folder = dir.resolve("my-charter");
            run("init", folder.toString());
            Path watchList = folder.resolve("watch-list.md");
            assertThat(folder.resolve("vocabulary.md")).content().contains("## Same meaning", "## Ignore");
            assertThat(folder.resolve("example-posts.yaml")).content().contains("risk: stop");
            String draft = "Skylark test bench runs tonight, pics soon";
            Run before = run("check", draft, "--charter", folder.toString());

            Files.writeString(
                    watchList, Files.readString(watchList).replace("## Codenames\n", "## Codenames\n- Skylark\n"));
            Run after = run("check", draft, "--charter", folder.toString());

            assertThat(run("validate", folder.toString()).exitCode()).isZero();
            assertThat(before.out()).doesNotContain("[confidential-information]");
            assertThat(after.out()).contains("STOP  Confidential information [confidential-information]", "Skylark");
        }

        @Test
        void itsSampleQuestionsNameSectionsOfTheCharterAndRunWithEval(@TempDir Path dir) {
            Path folder = dir.resolve("my-charter");
            run("init", folder.toString());

            Run eval = run("eval", folder.resolve("questions.yaml").toString(), "--charter", folder.toString());

            assertThat(eval.exitCode()).as(eval.err()).isZero();
            assertThat(eval.outLines().get(eval.outLines().size() - 1)).startsWith("eval: n=12 ");
        }

        @Test
        void itsApplicationYamlSetsOnlySettingsTheBotHas(@TempDir Path dir) throws Exception {
            Path folder = dir.resolve("my-charter");
            run("init", folder.toString());
            List<String> known = new ArrayList<>();
            JsonNode metadata = JsonMapper.builder()
                    .build()
                    .readTree(getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json"));
            metadata.path("properties")
                    .forEach(property -> known.add(property.path("name").asString()));

            List<String> written = new ArrayList<>();
            flatten(
                    "",
                    new org.yaml.snakeyaml.Yaml().load(Files.readString(folder.resolve("application.yaml"))),
                    written);

            assertThat(written).hasSizeGreaterThan(15);
            assertThat(known).containsAll(written);
        }

        @Test
        void refusesAFolderThatIsNotEmpty(@TempDir Path dir) throws Exception {
            Files.writeString(dir.resolve("keep.md"), "mine");

            Run run = run("init", dir.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("not empty");
            assertThat(Files.readString(dir.resolve("keep.md"))).isEqualTo("mine");
        }

        private static void flatten(String prefix, Object value, List<String> names) {
            if (value instanceof java.util.Map<?, ?> map) {
                map.forEach((key, nested) ->
                        flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, nested, names));
            } else {
                names.add(prefix);
            }
        }
    }

    @Nested
    class HelpVersionAndMistakes {

        @Test
        void printsUsageAndSucceeds() {
            for (String help : List.of("help", "--help", "-h")) {
                Run run = run(help);

                assertThat(run.exitCode()).as(help).isZero();
                assertThat(run.out()).contains("usage:", "init", "ask", "chat", "validate", "eval");
                assertThat(run.err()).isEmpty();
            }
        }

        @Test
        void printsTheVersionAndSucceeds() {
            Run run = run("--version");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).matches("charter-bot \\d+\\.\\d+\\.\\d+\\S* \\(Java 17[^)]*\\)\\R");
        }

        @Test
        void refusesAnUnknownCommandWithTheUsage() {
            Run run = run("serve");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("unknown command 'serve'", "usage:");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void refusesAnUnknownFlagWithTheUsage() {
            Run run = run("--port", "9090");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("unknown option '--port'", "--server.port=9090");
        }
    }

    @Test
    void startsTheServerWithoutArgumentsOrWithOnlyProperties() {
        assertThat(CommandLine.startsServer(new String[0])).isTrue();
        assertThat(CommandLine.startsServer(new String[] {"--server.port=1", "--spring.profiles.active=prod"}))
                .isTrue();
        assertThat(CommandLine.startsServer(new String[] {"--debug"})).isTrue();
    }

    @Test
    void leavesEverythingElseToTheCommandLine() {
        for (String[] args : List.of(
                new String[] {"ask", "x"},
                new String[] {"--version"},
                new String[] {"--help"},
                new String[] {"serve"},
                new String[] {"--server.port=1", "oops"},
                new String[] {"--port"},
                new String[] {"--=x"})) {
            assertThat(CommandLine.startsServer(args))
                    .as(String.join(" ", args))
                    .isFalse();
        }
    }
}
