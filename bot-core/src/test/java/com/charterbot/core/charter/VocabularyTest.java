package com.charterbot.core.charter;

import static com.charterbot.core.charter.CharterLoaderTest.assertHasProblem;
import static com.charterbot.core.charter.CharterLoaderTest.loaded;
import static com.charterbot.core.charter.CharterLoaderTest.problems;
import static com.charterbot.core.charter.TestCharter.load;
import static com.charterbot.core.charter.TestCharter.write;
import static com.charterbot.core.charter.TestCharter.writeValid;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    @TempDir
    Path dir;

    @Test
    void readsGroupsOfTheSameMeaningAndWordsToIgnoreUnderEnglishOrFrenchHeadings() {
        VocabularyParser.Parsed parsed = VocabularyParser.parse("vocabulary.md", """
                # Our words

                ## Same meaning
                - shop floor, atelier,  production hall
                - badge, access card

                ## À ignorer
                - lol, quick question
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.vocabulary().groups())
                .containsExactly(List.of("shop floor", "atelier", "production hall"), List.of("badge", "access card"));
        assertThat(parsed.vocabulary().ignored()).containsExactly("lol", "quick question");
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        VocabularyParser.Parsed parsed = VocabularyParser.parse("vocabulary.md", """
                - before any heading
                ## Synonyms
                ## Même sens
                - photo, , picture
                - photo, Photo
                - alone
                - a expression that is far too long, photo
                • pasted from Word, photo
                ## Ignore
                - photo
                """);

        assertThat(parsed.problems()).extracting(CharterProblem::line).containsExactly(1, 2, 4, 5, 6, 7, 8, 10);
        assertThat(parsed.problems())
                .extracting(CharterProblem::key)
                .containsExactly(
                        "charter.problem.text-before-heading",
                        "charter.problem.vocabulary-unknown-heading",
                        "charter.problem.vocabulary-empty-entry",
                        "charter.problem.vocabulary-entry-twice",
                        "charter.problem.vocabulary-single-entry",
                        "charter.problem.vocabulary-entry-too-long",
                        "charter.problem.expected-list-item",
                        "charter.problem.vocabulary-ignored-and-grouped");
        assertThat(parsed.problems().get(1).message()).contains("'Synonyms'").contains("Same meaning");
        assertThat(parsed.problems().get(3).message()).contains("'Photo' appears twice");
        assertThat(parsed.problems().get(7).message(Language.FR))
                .contains("« photo »")
                .contains("ligne 4");
        assertThat(parsed.vocabulary().groups()).containsExactly(List.of("photo", "picture"));
    }

    @Test
    void theDefaultVocabularyIsValidAndCoversSlangOfBothLanguages() {
        Vocabulary vocabulary = Vocabulary.defaults();

        assertThat(vocabulary.groups()).anySatisfy(group -> assertThat(group).contains("ma boîte", "employer"));
        assertThat(vocabulary.groups())
                .anySatisfy(group -> assertThat(group).contains("throwaway account", "anonymous"));
        assertThat(vocabulary.ignored()).contains("lol", "stp");
    }

    @Test
    void aCharterFolderAddsItsOwnVocabularyToTheDefaultOne() {
        writeValid(dir);
        write(dir, "vocabulary.md", "## Same meaning\n- alpha thing, widget\n");

        Charter charter = loaded(load(dir));

        assertThat(charter.vocabulary().groups())
                .containsAll(Vocabulary.defaults().groups())
                .contains(List.of("alpha thing", "widget"));
        assertThat(charter.vocabulary().groups())
                .hasSize(Vocabulary.defaults().groups().size() + 1);
    }

    @Test
    void aCharterWithoutVocabularyHasTheDefaultOne() {
        assertThat(loaded(load(writeValid(dir))).vocabulary()).isEqualTo(Vocabulary.defaults());
    }

    @Test
    void rejectsABrokenVocabularyFileNamingItsLine() {
        writeValid(dir);
        write(dir, "vocabulary.md", "## Same meaning\n- widget\n");

        assertHasProblem(problems(load(dir)), "vocabulary.md", 2, "at least two entries");
    }

    @Test
    void theVocabularyIsPartOfTheVersion() {
        writeValid(dir);
        String before = loaded(load(dir)).version();
        write(dir, "vocabulary.md", "## Same meaning\n- alpha thing, widget\n");

        assertThat(loaded(load(dir)).version()).isNotEqualTo(before);
    }
}
