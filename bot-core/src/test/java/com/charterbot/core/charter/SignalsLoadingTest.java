package com.charterbot.core.charter;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ## Signals} block of section files and the charter's watch-list: read, and refused with file and line. */
class SignalsLoadingTest {

    @TempDir
    Path dir;

    private static final String EN_SIGNALS = String.join(
            "\n",
            "## Signals",
            "Take out what {{company}} has not announced.",
            "",
            "- stop: before the announcement",
            "- caution: prototype*",
            "- tip: [mention]",
            "- unless: [official link]",
            "- always: Nothing confidential in it.",
            "");

    private static final String FR_SIGNALS = String.join(
            "\n",
            "## Signaux",
            "Retirez ce que {{company}} n'a pas annoncé.",
            "",
            "- stop : avant l'annonce",
            "- attention : prototype*",
            "- conseil : [mention]",
            "- sauf : [lien officiel]",
            "- toujours : Rien de confidentiel.",
            "");

    private void writeAlpha(String enSignals, String frSignals) {
        TestCharter.writeValid(dir);
        TestCharter.write(
                dir,
                "en/alpha.md",
                TestCharter.withSignals(TestCharter.enSection("alpha", "Alpha things", "beta"), enSignals));
        TestCharter.write(
                dir,
                "fr/alpha.md",
                TestCharter.withSignals(TestCharter.frSection("alpha", "Choses alpha", "beta"), frSignals));
    }

    private List<String> problems() {
        LoadResult result = TestCharter.load(dir);
        assertThat(result).isInstanceOf(LoadResult.Rejected.class);
        return ((LoadResult.Rejected) result)
                .problems().stream().map(CharterProblem::toString).toList();
    }

    @Test
    void readsLevelsUnlessAlwaysAndAdviceInBothLanguages() {
        writeAlpha(EN_SIGNALS, FR_SIGNALS);

        Charter charter = ((LoadResult.Loaded) TestCharter.load(dir)).charter();

        for (Language language : Language.values()) {
            SectionSignals signals =
                    charter.section("alpha", language).orElseThrow().signals();
            assertThat(signals.signals())
                    .extracting(Signal::level)
                    .containsExactly(Signal.Level.STOP, Signal.Level.CAUTION, Signal.Level.TIP);
            assertThat(signals.unless()).hasSize(1);
            assertThat(signals.always()).isPresent();
            assertThat(signals.advice()).contains("Acme Industries").doesNotContain("{{");
        }
        assertThat(charter.section("alpha", Language.EN)
                        .orElseThrow()
                        .signals()
                        .signals()
                        .get(0)
                        .written())
                .isEqualTo("before the announcement");
        assertThat(charter.section("beta", Language.EN).orElseThrow().signals()).isEqualTo(SectionSignals.NONE);
    }

    @Test
    void refusesUnknownLevelsAndBadPatternsWithTheirLine() {
        String broken = EN_SIGNALS
                .replace("- tip: [mention]", "- maybe: [mention]")
                .replace("- caution: prototype*", "- caution: [gizmo]");
        writeAlpha(broken, FR_SIGNALS);
        String file = TestCharter.withSignals(TestCharter.enSection("alpha", "Alpha things", "beta"), broken);

        assertThat(problems())
                .contains(
                        "en/alpha.md:" + TestCharter.lineOf(file, "- maybe:")
                                + ": a signal line starts with its level: 'stop:', 'caution:', 'tip:', 'unless:' or 'always:'",
                        "en/alpha.md:" + TestCharter.lineOf(file, "[gizmo]")
                                + ": unknown detector [gizmo] (known: [company], [number], [amount], "
                                + "[mention], [link], [official link], [internal link], [email], [phone], [customer], [competitor], [codename], [attachment])");
    }

    @Test
    void signalsNeedAdviceInEveryLanguage() {
        writeAlpha(
                EN_SIGNALS.replace("Take out what {{company}} has not announced.\n", ""),
                FR_SIGNALS.replace("- stop : avant l'annonce\n", ""));

        assertThat(problems())
                .anyMatch(p -> p.startsWith("en/alpha.md:")
                        && p.endsWith("a '## Signals' block needs a sentence, before its list, saying what to change"));
    }

    @Test
    void aSectionWithSignalsInOneLanguageSaysWhatToChangeInTheOther() {
        TestCharter.writeValid(dir);
        TestCharter.write(
                dir,
                "en/alpha.md",
                TestCharter.withSignals(
                        TestCharter.enSection("alpha", "Alpha things", "beta"),
                        EN_SIGNALS.replace("- always: Nothing confidential in it.\n", "")));

        assertThat(problems())
                .anyMatch(p ->
                        p.startsWith("fr/alpha.md:") && p.contains("the other language has signals (en/alpha.md)"));
    }

    @Test
    void theChecksThatAlwaysApplyAreTheSameSectionsInBothLanguagesAndFew() {
        writeAlpha(EN_SIGNALS, FR_SIGNALS.replace("- toujours : Rien de confidentiel.\n", ""));

        assertThat(problems())
                .anyMatch(p -> p.startsWith("fr/alpha.md:")
                        && p.endsWith("no 'always:' line here, but the other language has one (en/alpha.md)"));

        writeAlpha(EN_SIGNALS + "- always: Twice.\n", FR_SIGNALS);
        assertThat(problems())
                .anyMatch(p -> p.startsWith("en/alpha.md:") && p.endsWith("a section has one 'always:' line at most"));
    }

    @Test
    void aNotCoveredEntryHasNoSignals() {
        TestCharter.writeValid(dir);
        TestCharter.write(
                dir,
                "en/not-covered-it.md",
                TestCharter.notCovered("not-covered-it", "IT support", false) + "\n" + EN_SIGNALS);

        assertThat(problems())
                .anyMatch(p -> p.startsWith("en/not-covered-it.md:") && p.contains("a not-covered entry has only"));
    }

    @Test
    void readsTheWatchListWithEnglishOrFrenchHeadings() {
        TestCharter.writeValid(dir);
        TestCharter.write(
                dir,
                WatchList.FILE,
                String.join(
                        "\n",
                        "# Watch-list",
                        "<!-- examples",
                        "- not read",
                        "-->",
                        "## Codenames",
                        "- Blue Heron",
                        "## Produits non annoncés",
                        "- X30",
                        "## Clients",
                        "- Veltra Automotive",
                        "- L'Oréal",
                        "## Competitors",
                        "- Kordis",
                        "## Internal domains",
                        "- *.corp.acme.com",
                        "- intranet",
                        "## Domaines officiels",
                        "- acme.com",
                        ""));

        Charter charter = ((LoadResult.Loaded) TestCharter.load(dir)).charter();

        WatchList watchList = charter.watchList();
        assertThat(watchList.codenames()).containsExactly(List.of("blue", "heron"), List.of("x30"));
        assertThat(watchList.customers()).containsExactly(List.of("veltra", "automotive"), List.of("l", "oreal"));
        assertThat(watchList.competitors()).containsExactly(List.of("kordis"));
        assertThat(watchList.internalDomains()).containsExactly("corp.acme.com", "intranet");
        assertThat(watchList.officialDomains()).containsExactly("acme.com");
    }

    @Test
    void refusesWhatIsNotAWatchList() {
        TestCharter.writeValid(dir);
        String text = String.join(
                "\n",
                "- before any heading",
                "## Partners",
                "- Someone",
                "## Internal domains",
                "- intra net!",
                "## Customers",
                "- X",
                "");
        TestCharter.write(dir, WatchList.FILE, text);

        assertThat(problems())
                .contains(
                        "watch-list.md:1: text before the first '##' heading",
                        "watch-list.md:2: unknown heading '## Partners' (expected Codenames, Unreleased products, Customers, Competitors, "
                                + "Internal domains, Official domains or their French names)",
                        "watch-list.md:5: 'intra net!' is not a domain name such as intranet.acme.local",
                        "watch-list.md:7: 'X' is not a name of 1 to 6 words");
    }

    @Test
    void theWatchListIsPartOfTheVersion() {
        TestCharter.writeValid(dir);
        String before = ((LoadResult.Loaded) TestCharter.load(dir)).charter().version();
        TestCharter.write(dir, WatchList.FILE, "## Customers\n- Veltra\n");

        Charter after = ((LoadResult.Loaded) TestCharter.load(dir)).charter();

        assertThat(after.version()).isNotEqualTo(before);
        assertThat(after.watchList().customers()).containsExactly(List.of("veltra"));
    }

    @Test
    void theBundledCharterHasSignalsForEveryTopicInBothLanguagesAndThreeChecksThatAlwaysApply() {
        Charter charter =
                ((LoadResult.Loaded) CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS)).charter();

        for (Language language : Language.values()) {
            for (String id : charter.topicIds()) {
                SectionSignals signals =
                        charter.section(id, language).orElseThrow().signals();
                assertThat(signals.signals()).as(id + " " + language).isNotEmpty();
                assertThat(signals.advice()).as(id + " " + language).isNotBlank();
            }
            assertThat(charter.sections(language).stream()
                            .filter(s -> s.signals().always().isPresent())
                            .map(Section::id))
                    .containsExactlyInAnyOrder("confidential-information", "photos-videos", "colleagues-privacy");
        }
        assertThat(charter.watchList().internalDomains()).isNotEmpty();
    }
}
