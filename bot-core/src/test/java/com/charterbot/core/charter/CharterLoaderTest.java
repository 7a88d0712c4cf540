package com.charterbot.core.charter;

import static com.charterbot.core.charter.TestCharter.enSection;
import static com.charterbot.core.charter.TestCharter.frSection;
import static com.charterbot.core.charter.TestCharter.lineOf;
import static com.charterbot.core.charter.TestCharter.load;
import static com.charterbot.core.charter.TestCharter.notCovered;
import static com.charterbot.core.charter.TestCharter.write;
import static com.charterbot.core.charter.TestCharter.writeValid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.charterbot.core.values.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharterLoaderTest {

    static final List<String> TOPIC_IDS = List.of(
            "scope",
            "ambassadors",
            "access-at-work",
            "confidential-information",
            "photos-videos",
            "colleagues-privacy",
            "customers-partners",
            "speaking-for-company",
            "disclosure-of-affiliation",
            "respect-conduct",
            "defamation-criticism",
            "negative-comments-crisis",
            "media-inquiries",
            "account-security",
            "intellectual-property",
            "personal-profiles",
            "recruitment",
            "insider-information",
            "internal-networks",
            "sanctions",
            "contacts");

    static Charter loaded(LoadResult result) {
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        return fail("expected the charter to load, but: %s", ((LoadResult.Rejected) result).problems());
    }

    static List<CharterProblem> problems(LoadResult result) {
        assertThat(result).as("a broken charter must be rejected").isInstanceOf(LoadResult.Rejected.class);
        return ((LoadResult.Rejected) result).problems();
    }

    /** Asserts a problem with this file, line and a message containing the text is among those reported. */
    static void assertHasProblem(List<CharterProblem> problems, String file, int line, String messagePart) {
        assertThat(problems)
                .as("problems %s should include %s:%d '%s'", problems, file, line, messagePart)
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(file);
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.message()).containsIgnoringCase(messagePart);
                });
    }

    static final Charter BUNDLED = loaded(CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS));

    @Test
    void bundledCharterLoadsWithoutProblems() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        assertThat(CharterFiles.defaults().problems()).isEmpty();
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
    }

    @Test
    void aFolderWithOnlyAWatchListKeepsTheBundledSectionsAndAddsItsNames(@TempDir Path dir) {
        write(dir, WatchList.FILE, "## Codenames\n- Blue Heron\n## Customers\n- Veltra Automotive\n");

        CharterFiles files = CharterFiles.fromDirectory(dir);
        Charter charter = loaded(CharterLoader.load(files, CharterSettings.DEFAULTS));

        assertThat(files.origin()).isEqualTo(dir + " (with the bundled sections)");
        assertThat(charter.topicIds()).containsExactlyInAnyOrderElementsOf(TOPIC_IDS);
        assertThat(charter.watchList().codenames()).containsExactly(List.of("blue", "heron"));
        assertThat(charter.watchList().customers()).containsExactly(List.of("veltra", "automotive"));
        assertThat(charter.version()).isNotEqualTo(BUNDLED.version());
    }

    @Test
    void aBrokenRootFileNextToTheBundledSectionsIsReportedWithItsLine(@TempDir Path dir) {
        write(dir, Vocabulary.FILE_NAME, "## Same meaning\n- badge, access card\nnot an item\n");

        assertHasProblem(problems(load(dir)), Vocabulary.FILE_NAME, 3, "");
    }

    @Test
    void anEmptyFolderIsStillMissingItsLanguageFolders(@TempDir Path dir) {
        assertThat(problems(load(dir)))
                .extracting(CharterProblem::key)
                .containsOnly("charter.problem.missing-language-folder");
    }

    @Test
    void definesTheTwentyOneTopicsInBothLanguages() {
        assertThat(BUNDLED.topicIds()).containsExactlyInAnyOrderElementsOf(TOPIC_IDS);
        for (Language language : Language.values()) {
            List<String> ids = BUNDLED.sections(language).stream()
                    .filter(s -> !s.isNotCovered())
                    .map(Section::id)
                    .toList();
            assertThat(ids).as(language.tag()).containsExactlyInAnyOrderElementsOf(TOPIC_IDS);
            for (String id : TOPIC_IDS) {
                Section section = BUNDLED.section(id, language).orElseThrow();
                assertThat(section.language()).isEqualTo(language);
                assertThat(section.source()).startsWith(language.tag() + "/");
            }
        }
    }

    @Test
    void everySectionIsCompleteInEveryLanguage() {
        for (Language language : Language.values()) {
            for (String id : TOPIC_IDS) {
                Section s = BUNDLED.section(id, language).orElseThrow();
                String where = language.tag() + "/" + id;
                assertThat(s.title()).as(where + " title").isNotBlank();
                assertThat(s.rule()).as(where + " rule").isNotBlank();
                assertThat(s.questions()).as(where + " questions").hasSizeGreaterThanOrEqualTo(8);
                assertThat(s.dos())
                        .as(where + " dos")
                        .isNotEmpty()
                        .allSatisfy(d -> assertThat(d).isNotBlank());
                assertThat(s.donts())
                        .as(where + " donts")
                        .isNotEmpty()
                        .allSatisfy(d -> assertThat(d).isNotBlank());
                assertThat(s.tips()).as(where + " tips").hasSizeGreaterThanOrEqualTo(2);
                assertThat(s.quiz()).as(where + " quiz").hasSizeGreaterThanOrEqualTo(2);
                for (QuizQuestion q : s.quiz()) {
                    assertThat(q.options()).as(where + " quiz options").hasSizeBetween(3, 4);
                    assertThat(q.explanation()).as(where + " quiz explanation").isNotBlank();
                }
            }
        }
    }

    @Test
    void relatedSectionsPointToRealTopicsInBothLanguages() {
        for (Language language : Language.values()) {
            for (String id : TOPIC_IDS) {
                Section s = BUNDLED.section(id, language).orElseThrow();
                assertThat(s.related())
                        .as(language.tag() + "/" + id)
                        .isSubsetOf(TOPIC_IDS)
                        .doesNotContain(id);
            }
        }
    }

    @Test
    void hasNotCoveredEntriesInBothLanguages() {
        for (Language language : Language.values()) {
            List<Section> notCovered = BUNDLED.sections(language).stream()
                    .filter(Section::isNotCovered)
                    .toList();
            assertThat(notCovered).as(language.tag()).isNotEmpty();
            assertThat(notCovered).allSatisfy(s -> {
                assertThat(s.rule()).isNotBlank();
                assertThat(s.questions()).isNotEmpty();
                assertThat(s.dos()).isEmpty();
                assertThat(s.quiz()).isEmpty();
            });
        }
        assertThat(BUNDLED.topicIds()).noneMatch(id -> id.startsWith("not-covered"));
    }

    @Test
    void substitutesEveryPlaceholder() {
        for (Language language : Language.values()) {
            for (Section s : BUNDLED.sections(language)) {
                assertThat(allText(s)).as(s.source()).noneMatch(t -> t.contains("{{") || t.contains("}}"));
            }
        }
    }

    @Test
    void usesTheConfiguredCompanyNameAndContacts() {
        CharterSettings settings = new CharterSettings(
                "Globex Corporation",
                "press@globex.test",
                "sec@globex.test",
                "people@globex.test",
                "helpdesk@globex.test",
                "law@globex.test",
                "https://intranet.globex.test/charter");
        Charter custom = loaded(CharterLoader.load(CharterFiles.defaults(), settings));
        for (Language language : Language.values()) {
            List<String> text = custom.sections(language).stream()
                    .flatMap(s -> allText(s).stream())
                    .toList();
            assertThat(text).as(language.tag()).anyMatch(t -> t.contains("Globex Corporation"));
            assertThat(text).as(language.tag()).anyMatch(t -> t.contains("press@globex.test"));
            assertThat(text).as(language.tag()).anyMatch(t -> t.contains("helpdesk@globex.test"));
            assertThat(text).as(language.tag()).noneMatch(t -> t.contains("Acme Industries"));
            assertThat(text).as(language.tag()).noneMatch(t -> t.contains("{{"));
        }
        assertThat(custom.version()).isNotEqualTo(BUNDLED.version());
    }

    @Test
    void loadingTwiceGivesTheSameVersion() {
        Charter again = loaded(CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS));
        assertThat(again.version()).isEqualTo(BUNDLED.version()).isNotBlank();
    }

    @Test
    void firstPhrasingsKeepsOnlyThatManyPhrasingsInOrderAndChangesTheVersion() {
        Charter cut = BUNDLED.withFirstPhrasings(8);

        for (Language language : Language.values()) {
            for (Section section : BUNDLED.sections(language)) {
                Section shorter = cut.section(section.id(), language).orElseThrow();
                assertThat(shorter.questions())
                        .containsExactlyElementsOf(section.questions()
                                .subList(0, Math.min(8, section.questions().size())));
                assertThat(shorter)
                        .usingRecursiveComparison()
                        .ignoringFields("questions")
                        .isEqualTo(section);
            }
        }
        assertThat(BUNDLED.sections(Language.EN))
                .anyMatch(section -> section.questions().size() > 8);
        assertThat(cut.version()).isNotEqualTo(BUNDLED.version());
    }

    @Test
    void classpathIndexListsExactlyTheFilesInTheSourceFolders() throws IOException {
        Path root = Path.of("src/main/resources/charter/default");
        assertThat(root).isDirectory();
        Set<String> onDisk = new TreeSet<>();
        for (Language language : Language.values()) {
            try (Stream<Path> files = Files.list(root.resolve(language.tag()))) {
                files.filter(p -> p.getFileName().toString().endsWith(".md"))
                        .forEach(p -> onDisk.add(language.tag() + "/" + p.getFileName()));
            }
        }
        int sections = onDisk.size();
        if (Files.isRegularFile(root.resolve(WatchList.FILE))) {
            onDisk.add(WatchList.FILE);
        }
        List<String> indexed = TestCharter.defaultIndex();
        assertThat(indexed).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(indexed)).isEqualTo(onDisk);
        assertThat(CharterFiles.defaults().files()).hasSize(sections);
        assertThat(CharterFiles.defaults().watchList()).isPresent();
    }

    private static List<String> allText(Section s) {
        List<String> text = new ArrayList<>();
        text.add(s.title());
        text.add(s.rule());
        text.addAll(s.checklist());
        text.addAll(s.dos());
        text.addAll(s.donts());
        text.addAll(s.questions());
        text.addAll(s.tips());
        for (QuizQuestion q : s.quiz()) {
            text.add(q.text());
            text.addAll(q.options());
            text.add(q.explanation());
        }
        return text;
    }

    @TempDir
    Path dir;

    @Test
    void loadsAValidSmallCharter() {
        Charter charter = loaded(load(writeValid(dir)));
        assertThat(charter.topicIds()).containsExactly("alpha", "beta");
        Section alpha = charter.section("alpha", Language.EN).orElseThrow();
        assertThat(alpha.rule())
                .isEqualTo("Rule of Alpha things at Acme Industries: think before you post."
                        + " Ask communication@example.com when in doubt.");
        assertThat(alpha.related()).containsExactly("beta");
        assertThat(alpha.questions()).hasSize(8);
        assertThat(charter.section("not-covered-it", Language.FR).orElseThrow().rule())
                .isEqualTo("Contact servicedesk@example.com.");
    }

    @Test
    void frenchHeadingsParseLikeEnglishOnes() {
        Charter charter = loaded(load(writeValid(dir)));
        Section en = charter.section("alpha", Language.EN).orElseThrow();
        Section fr = charter.section("alpha", Language.FR).orElseThrow();
        assertThat(fr.rule())
                .isEqualTo("Règle de Choses alpha chez Acme Industries : réfléchissez avant de publier."
                        + " Demandez à communication@example.com en cas de doute.");
        assertThat(fr.checklist()).hasSameSizeAs(en.checklist()).containsExactly("Ai-je vérifié la règle alpha ?");
        assertThat(fr.dos()).hasSameSizeAs(en.dos()).containsExactly("Demander d'abord.", "Lire la règle alpha.");
        assertThat(fr.donts()).hasSameSizeAs(en.donts()).containsExactly("Publier dans la précipitation.");
        assertThat(fr.questions()).hasSameSizeAs(en.questions());
        assertThat(fr.tips()).hasSameSizeAs(en.tips());
        assertThat(fr.quiz()).hasSameSizeAs(en.quiz()).hasSize(2);
        for (int i = 0; i < en.quiz().size(); i++) {
            assertThat(fr.quiz().get(i).options())
                    .hasSameSizeAs(en.quiz().get(i).options());
            assertThat(fr.quiz().get(i).correctIndex())
                    .isEqualTo(en.quiz().get(i).correctIndex());
        }
        assertThat(fr.quiz().get(0).explanation()).isEqualTo("parce que la règle le dit.");
        assertThat(fr.quiz().get(0).correctOption()).isEqualTo("Bonne réponse");
        assertThat(en.quiz().get(0).explanation()).isEqualTo("because the rule says so.");
        assertThat(charter.section("not-covered-it", Language.FR).orElseThrow().isNotCovered())
                .isTrue();
    }

    @Test
    void rejectsDuplicateIdWithFileAndLine() {
        writeValid(dir);
        String copy = enSection("alpha", "Alpha again");
        write(dir, "en/zeta.md", copy);
        List<CharterProblem> problems = problems(load(dir));
        assertHasProblem(problems, "en/zeta.md", lineOf(copy, "id: alpha"), "duplicate id 'alpha'");
        assertThat(problems)
                .filteredOn(p -> p.message().contains("duplicate"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("en/alpha.md:2"));
    }

    @Test
    void rejectsSectionMissingInOneLanguage() {
        writeValid(dir);
        String gamma = enSection("gamma", "Gamma things");
        write(dir, "en/gamma.md", gamma);
        List<CharterProblem> problems = problems(load(dir));
        assertHasProblem(problems, "en/gamma.md", lineOf(gamma, "id: gamma"), "no fr version");
        assertThat(problems).hasSize(1);
    }

    @Test
    void rejectsEmptyTitle() {
        writeValid(dir);
        String text = enSection("beta", "Beta things").replace("title: Beta things", "title:");
        write(dir, "en/beta.md", text);
        assertHasProblem(problems(load(dir)), "en/beta.md", lineOf(text, "title:"), "missing title");
    }

    @Test
    void rejectsMissingTitle() {
        writeValid(dir);
        String text = frSection("beta", "Choses bêta").replace("title: Choses bêta\n", "");
        write(dir, "fr/beta.md", text);
        assertHasProblem(problems(load(dir)), "fr/beta.md", 1, "missing title");
    }

    @Test
    void rejectsMissingRule() {
        writeValid(dir);
        String text = enSection("beta", "Beta things")
                .replace(
                        "## Rule\nRule of Beta things at {{company}}: think before you post.\nAsk {{communications_contact}} when in doubt.\n",
                        "");
        assertThat(text).doesNotContain("## Rule");
        write(dir, "en/beta.md", text);
        assertHasProblem(problems(load(dir)), "en/beta.md", lineOf(text, "id: beta"), "rule");
    }

    @Test
    void rejectsEmptyRuleAtItsHeading() {
        writeValid(dir);
        String text = frSection("beta", "Choses bêta")
                .replace(
                        "Règle de Choses bêta chez {{company}} : réfléchissez avant de publier.\nDemandez à {{communications_contact}} en cas de doute.\n",
                        "");
        write(dir, "fr/beta.md", text);
        assertHasProblem(problems(load(dir)), "fr/beta.md", lineOf(text, "## Règle"), "rule");
    }

    @Test
    void rejectsFewerThanEightQuestions() {
        writeValid(dir);
        String text = enSection("beta", "Beta things").replace("- question number 8 about beta\n", "");
        write(dir, "en/beta.md", text);
        List<CharterProblem> problems = problems(load(dir));
        assertHasProblem(problems, "en/beta.md", lineOf(text, "## Questions"), "7");
        assertHasProblem(problems, "en/beta.md", lineOf(text, "## Questions"), "at least 8");
    }

    @Test
    void rejectsRelatedPointingToMissingId() {
        writeValid(dir);
        String text = enSection("beta", "Beta things", "alpha", "ghost");
        write(dir, "en/beta.md", text);
        List<CharterProblem> problems = problems(load(dir));
        assertHasProblem(problems, "en/beta.md", lineOf(text, "related:"), "'ghost' does not exist");
        assertThat(problems).hasSize(1);
    }

    @Test
    void rejectsRelatedPointingToNotCoveredEntry() {
        writeValid(dir);
        String text = frSection("beta", "Choses bêta", "not-covered-it");
        write(dir, "fr/beta.md", text);
        assertHasProblem(problems(load(dir)), "fr/beta.md", lineOf(text, "related:"), "not-covered");
    }

    @Test
    void readsBulletsPastedFromAWordProcessorAsListItems(@TempDir Path dir) {
        writeValid(dir);
        String pasted = enSection("beta", "Beta things")
                .replace("- Do ask first.", "\u2022 Do ask first.")
                .replace("- Do read the beta rule.", "\u00B7\tDo read the beta rule.");
        write(dir, "en/beta.md", pasted);

        Section beta = loaded(load(dir)).section("beta", Language.EN).orElseThrow();

        assertThat(beta.dos()).containsExactly("Do ask first.", "Do read the beta rule.");
    }

    @Test
    void rejectsUnknownPlaceholder() {
        writeValid(dir);
        String text = enSection("beta", "Beta things").replace("- Do ask first.", "- Do ask {{boss_name}} first.");
        write(dir, "en/beta.md", text);
        assertHasProblem(problems(load(dir)), "en/beta.md", lineOf(text, "{{boss_name}}"), "{{boss_name}}");
    }

    @Test
    void rejectsUnknownHeading() {
        writeValid(dir);
        String text = enSection("beta", "Beta things").replace("## Tips", "## Hints");
        write(dir, "en/beta.md", text);
        assertHasProblem(problems(load(dir)), "en/beta.md", lineOf(text, "## Hints"), "unknown heading");
    }

    @Test
    void readsAHeadingWrittenWithoutASpace() {
        writeValid(dir);
        String text = enSection("beta", "Beta things").replace("## Checklist", "##Checklist");
        write(dir, "en/beta.md", text);
        Section beta = loaded(load(dir)).section("beta", Language.EN).orElseThrow();
        assertThat(beta.checklist()).isNotEmpty();
        assertThat(beta.rule()).doesNotContain("#");
    }

    @Test
    void rejectsQuizQuestionWithNoCorrectOption() {
        writeValid(dir);
        String text = enSection("beta", "Beta things")
                .replace("- [x] Right answer\n- [ ] Wrong answer two", "- [ ] Right answer\n- [ ] Wrong answer two");
        write(dir, "en/beta.md", text);
        assertHasProblem(problems(load(dir)), "en/beta.md", lineOf(text, "### What is right"), "found 0");
    }

    @Test
    void rejectsQuizQuestionWithTwoCorrectOptions() {
        writeValid(dir);
        String text = frSection("beta", "Choses bêta")
                .replace("- [ ] Mauvaise réponse trois", "- [x] Mauvaise réponse trois");
        write(dir, "fr/beta.md", text);
        assertHasProblem(problems(load(dir)), "fr/beta.md", lineOf(text, "### Quoi d'autre"), "found 2");
    }

    @Test
    void rejectsQuizQuestionWithoutExplanation() {
        writeValid(dir);
        String text = enSection("beta", "Beta things").replace("Explanation: because the rule says so too.", "");
        write(dir, "en/beta.md", text);
        assertHasProblem(problems(load(dir)), "en/beta.md", lineOf(text, "### What else"), "explanation");
    }

    @Test
    void rejectsFileWithoutFrontMatter() {
        writeValid(dir);
        String text = "## Rule\nJust a rule.\n";
        write(dir, "fr/loose.md", text);
        assertHasProblem(problems(load(dir)), "fr/loose.md", 1, "front matter");
    }

    @Test
    void rejectsMissingLanguageFolder() throws IOException {
        write(dir, "en/alpha.md", enSection("alpha", "Alpha things"));
        List<CharterProblem> problems = problems(load(dir));
        assertHasProblem(problems, "fr/", 0, "missing folder");
    }

    @Test
    void rejectsEmptyLanguageFolders() throws IOException {
        Files.createDirectories(dir.resolve("en"));
        Files.createDirectories(dir.resolve("fr"));
        List<CharterProblem> problems = problems(load(dir));
        assertHasProblem(problems, "en/", 0, "no sections");
        assertHasProblem(problems, "fr/", 0, "no sections");
    }

    @Test
    void rejectsInvalidUtf8() {
        writeValid(dir);
        byte[] good = frSection("beta", "Choses bêta").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 2];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xC3; // a lone lead byte, then an invalid continuation
        bad[good.length + 1] = (byte) 0x28;
        TestCharter.writeBytes(dir, "fr/beta.md", bad);
        List<CharterProblem> problems = problems(load(dir));
        assertHasProblem(problems, "fr/beta.md", 0, "UTF-8");
    }

    @Test
    void rejectsNotCoveredEntryWithDoList() {
        writeValid(dir);
        String text = notCovered("not-covered-it", "IT support", false) + "\n## Do\n- Call the help desk.\n";
        write(dir, "en/not-covered-it.md", text);
        assertHasProblem(problems(load(dir)), "en/not-covered-it.md", lineOf(text, "## Do"), "not-covered");
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        writeValid(dir);
        String beta = enSection("beta", "Beta things")
                .replace("- Do ask first.", "- Do ask {{nobody}} first.")
                .replace("## Tips", "## Hints");
        write(dir, "en/beta.md", beta);
        String frAlpha =
                frSection("alpha", "Choses alpha", "beta", "ghost").replace("- question number 8 about alpha\n", "");
        write(dir, "fr/alpha.md", frAlpha);
        String gamma = enSection("gamma", "Gamma things");
        write(dir, "en/gamma.md", gamma);
        write(dir, "fr/loose.md", "no front matter here\n");

        List<CharterProblem> problems = problems(load(dir));

        assertHasProblem(problems, "en/beta.md", lineOf(beta, "{{nobody}}"), "{{nobody}}");
        assertHasProblem(problems, "en/beta.md", lineOf(beta, "## Hints"), "unknown heading");
        assertHasProblem(problems, "fr/alpha.md", lineOf(frAlpha, "## Questions"), "at least 8");
        assertHasProblem(problems, "fr/alpha.md", lineOf(frAlpha, "related:"), "'ghost' does not exist");
        assertHasProblem(problems, "en/gamma.md", lineOf(gamma, "id: gamma"), "no fr version");
        assertHasProblem(problems, "fr/loose.md", 1, "front matter");
        assertThat(problems).hasSizeGreaterThanOrEqualTo(6);
        assertThat(problems).isSorted();
    }

    @Test
    void crlfLineEndingsAndByteOrderMarkAreAccepted() {
        writeValid(dir);
        String beta = "\uFEFF" + enSection("beta", "Beta things").replace("\n", "\r\n");
        write(dir, "en/beta.md", beta);
        Charter charter = loaded(load(dir));
        assertThat(charter.section("beta", Language.EN).orElseThrow().questions())
                .hasSize(8);
    }

    @Test
    void versionChangesWhenAFileChanges() {
        Charter before = loaded(load(writeValid(dir)));
        write(dir, "en/beta.md", enSection("beta", "Beta things").replace("- Do ask first.", "- Do ask twice."));
        Charter after = loaded(load(dir));
        assertThat(after.version()).isNotEqualTo(before.version());
    }
}
