package com.charterbot.core.charter;

import static com.charterbot.core.charter.TestCharter.enSection;
import static com.charterbot.core.charter.TestCharter.frSection;
import static com.charterbot.core.charter.TestCharter.lineOf;
import static com.charterbot.core.charter.TestCharter.load;
import static com.charterbot.core.charter.TestCharter.write;
import static com.charterbot.core.charter.TestCharter.writeValid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.values.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharterProblemTest {

    @TempDir
    Path dir;

    private static CharterProblem only(List<CharterProblem> problems, String key) {
        return problems.stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " among " + problems));
    }

    @Test
    void aDuplicatedIdIsDescribedInFrenchWithItsFileAndLine() {
        writeValid(dir);
        String copy = enSection("alpha", "Alpha again");
        write(dir, "en/zeta.md", copy);

        CharterProblem duplicate = only(CharterLoaderTest.problems(load(dir)), "charter.problem.duplicate-id");

        assertThat(duplicate.arguments()).containsExactly("alpha", "en/alpha.md", "2");
        assertThat(duplicate.message(Language.FR))
                .isEqualTo("identifiant « alpha » en double, déjà utilisé dans en/alpha.md:2");
        assertThat(duplicate.describe(Language.FR))
                .isEqualTo("en/zeta.md:" + lineOf(copy, "id: alpha")
                        + ": identifiant « alpha » en double, déjà utilisé dans en/alpha.md:2");
    }

    @Test
    void aDuplicatedIdKeepsItsEnglishWording() {
        writeValid(dir);
        String copy = enSection("alpha", "Alpha again");
        write(dir, "en/zeta.md", copy);

        CharterProblem duplicate = only(CharterLoaderTest.problems(load(dir)), "charter.problem.duplicate-id");

        String english =
                "en/zeta.md:" + lineOf(copy, "id: alpha") + ": duplicate id 'alpha', already used by en/alpha.md:2";
        assertThat(duplicate).hasToString(english);
        assertThat(duplicate.describe(Language.EN)).isEqualTo(english);
        assertThat(duplicate.message()).isEqualTo("duplicate id 'alpha', already used by en/alpha.md:2");
    }

    @Test
    void aMissingFolderIsDescribedInFrenchWithoutALine() {
        write(dir, "en/alpha.md", enSection("alpha", "Alpha things"));

        CharterProblem missing = only(CharterLoaderTest.problems(load(dir)), "charter.problem.missing-language-folder");

        assertThat(missing.describe(Language.FR))
                .isEqualTo("fr/: dossier manquant : chaque langue doit avoir son propre dossier de sections");
        assertThat(missing).hasToString("fr/: missing folder: every language needs its own folder of sections");
    }

    @Test
    void aFolderThatDoesNotExistIsNotAFolderInBothLanguages() {
        Path nowhere = dir.resolve("nowhere");

        CharterProblem problem = CharterFiles.fromDirectory(nowhere).problems().get(0);

        assertThat(problem).hasToString(nowhere + ": not a folder");
        assertThat(problem.describe(Language.FR)).isEqualTo(nowhere + ": ce n'est pas un dossier");
    }

    @Test
    void anUnknownPlaceholderKeepsItsBracesInBothLanguages() {
        writeValid(dir);
        String text = enSection("beta", "Beta things").replace("- Do ask first.", "- Do ask {{boss_name}} first.");
        write(dir, "en/beta.md", text);

        CharterProblem unknown = only(CharterLoaderTest.problems(load(dir)), "charter.problem.unknown-placeholder");

        assertThat(unknown.message())
                .startsWith("unknown placeholder {{boss_name}} (known: ")
                .contains("company", "it_contact")
                .endsWith(")");
        assertThat(unknown.message(Language.FR))
                .startsWith("variable inconnue {{boss_name}} (variables connues : ")
                .contains("company");
    }

    @Test
    void quotedHeadingsKeepTheirApostrophesInBothLanguages() {
        writeValid(dir);
        String text = frSection("beta", "Choses bêta").replace("## À éviter\n- Publier dans la précipitation.\n", "");
        write(dir, "fr/beta.md", text);

        CharterProblem missing = only(CharterLoaderTest.problems(load(dir)), "charter.problem.missing-dont");

        assertThat(missing).hasToString("fr/beta.md:" + lineOf(text, "id: beta") + ": missing '## Don't'");
        assertThat(missing.message(Language.FR)).isEqualTo("rubrique « ## À éviter » (ou « ## Don't ») absente");
    }

    @Test
    void countsAreArgumentsInBothLanguages() {
        writeValid(dir);
        String text = enSection("beta", "Beta things").replace("- question number 8 about beta\n", "");
        write(dir, "en/beta.md", text);

        CharterProblem tooFew = only(CharterLoaderTest.problems(load(dir)), "charter.problem.too-few-questions");

        assertThat(tooFew.message()).isEqualTo("'## Questions' has too few items: 7, where at least 8 are needed");
        assertThat(tooFew.message(Language.FR))
                .isEqualTo("la rubrique « ## Questions » n'a pas assez d'éléments : 7, alors qu'il en faut au moins 8");
    }

    @Test
    void everyProblemOfABrokenCharterHasAFrenchWordingOfItsOwn() {
        writeValid(dir);
        write(
                dir,
                "en/beta.md",
                enSection("beta", "Beta things", "beta", "ghost", "not-covered-it")
                        .replace("- Do ask first.", "- Do ask {{nobody}} first.")
                        .replace("## Tips", "## Hints")
                        .replace(
                                "- [x] Right answer\n- [ ] Wrong answer two",
                                "- [ ] Right answer\n- [ ] Wrong answer two")
                        .replace("Explanation: because the rule says so too.", "")
                        .replace(
                                "title: Beta things",
                                "title: Beta things\ntitle: Beta twice\ncolour: blue\nnot a key"));
        write(dir, "fr/alpha.md", frSection("alpha", "Choses alpha") + "\n## À faire\n- encore\n");
        write(
                dir,
                "fr/beta.md",
                "---\nid: Beta_Things\ntype: other\n---\ntext first\n## Règle\n## Règle\n### Outside the quiz\n");
        write(dir, "fr/loose.md", "no front matter here\n");
        write(dir, "fr/open.md", "---\nid: open\n");
        write(dir, "en/gamma.md", TestCharter.notCovered("gamma", "Gamma", false) + "\n## Tips\n- a tip\n");

        List<CharterProblem> problems = CharterLoaderTest.problems(load(dir));

        assertThat(problems).hasSizeGreaterThan(15);
        List<String> keys = new ArrayList<>();
        for (CharterProblem problem : problems) {
            keys.add(problem.key());
            String english = problem.message(Language.EN);
            String french = problem.message(Language.FR);
            assertThat(french)
                    .as(problem.key())
                    .isNotEqualTo(english)
                    .doesNotContain("''")
                    .doesNotContainPattern("\\{\\d");
            assertThat(problem.toString())
                    .isEqualTo(problem.describe(Language.EN))
                    .endsWith(": " + english);
        }
        assertThat(keys).allMatch(key -> key.startsWith("charter.problem."));
    }

    @Test
    void argumentsAreCopiedAndNullsRejected() {
        List<String> arguments = new ArrayList<>(List.of("alpha"));
        CharterProblem problem = new CharterProblem("en/a.md", 2, "charter.problem.related-missing", arguments);
        arguments.set(0, "changed");

        assertThat(problem.arguments()).containsExactly("alpha");
        assertThat(problem).hasToString("en/a.md:2: related section 'alpha' does not exist");
        assertThatThrownBy(() -> new CharterProblem(null, 1, "charter.problem.missing-id", List.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CharterProblem("en/a.md", 1, null, List.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CharterProblem("en/a.md", 1, " ", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CharterProblem("en/a.md", 1, "charter.problem.missing-id", null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CharterProblem(
                        "en/a.md", 1, "charter.problem.related-missing", Arrays.asList((String) null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void problemsStillSortByFileThenLine() {
        CharterProblem later = new CharterProblem("en/b.md", 1, "charter.problem.missing-id", List.of());
        CharterProblem first = new CharterProblem("en/a.md", 9, "charter.problem.missing-title", List.of());
        CharterProblem second = new CharterProblem("en/b.md", 0, "charter.problem.not-utf8", List.of());

        assertThat(new ArrayList<>(List.of(later, first, second))
                        .stream().sorted().toList())
                .containsExactly(first, second, later);
    }
}
