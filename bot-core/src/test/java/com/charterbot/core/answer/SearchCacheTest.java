package com.charterbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.TestCharter;
import com.charterbot.core.values.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCacheTest {

    @Test
    void aRepeatedSearchIsServedFromTheIndexsCache() {
        AnswerIndex index = AnswerIndex.build(AnswerEngineTest.DEFAULT_CHARTER, TextAnalysis.shared());

        AnswerIndex.Ranking first = index.search("can I post a photo of the factory?", 8);
        AnswerIndex.Ranking again = index.search("can I post a photo of the factory?", 8);
        AnswerIndex.Ranking fewer = index.search("can I post a photo of the factory?", 2);

        assertThat(again).isSameAs(first);
        assertThat(fewer).isNotSameAs(first);
        assertThat(fewer.candidates()).hasSize(2).isEqualTo(first.candidates().subList(0, 2));
    }

    @Test
    void aReloadedCharterIsNeverAnsweredFromThePreviousCharters(@TempDir Path dir) throws Exception {
        AnswerEngine engine = new AnswerEngine(AnswerEngineTest.DEFAULT_CHARTER, Language.EN);
        String question = "Puis-je publier cette photo ?";
        Answer before = engine.answer(Question.of(question));
        TestCharter.copyDefaults(dir);
        Path photos = dir.resolve("fr/photos-videos.md");
        Files.writeString(photos, Files.readString(photos).replace("## Règle\n", "## Règle\nUne phrase de plus.\n"));

        engine.reload(CharterFiles.fromDirectory(dir), CharterSettings.DEFAULTS);
        Answer after = engine.answer(Question.of(question));

        assertThat(before.text()).doesNotContain("Une phrase de plus.");
        assertThat(after.text()).startsWith("Une phrase de plus.");
        assertThat(after.charterVersion()).isNotEqualTo(before.charterVersion());
    }
}
