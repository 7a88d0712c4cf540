package com.charterbot.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleQuestionTest {

    @Test
    void bundlesMoreThanTwentyDistinctQuestionsInEachLanguage() {
        List<SampleQuestion> all = SampleQuestion.all();

        assertThat(all.stream().filter(q -> q.language().equals("en"))).hasSizeGreaterThan(20);
        assertThat(all.stream().filter(q -> q.language().equals("fr"))).hasSizeGreaterThan(20);
        assertThat(all.stream().map(SampleQuestion::text)).doesNotHaveDuplicates();
    }

    @Test
    void skipsCommentsAndBlankLines() {
        assertThat(SampleQuestion.parse("# a comment\n\nfr | puis-je ?\n  en |  may I?  \n"))
                .containsExactly(new SampleQuestion("fr", "puis-je ?"), new SampleQuestion("en", "may I?"));
    }

    @Test
    void rejectsALineWithoutLanguage() {
        assertThatThrownBy(() -> SampleQuestion.parse("can I post?")).hasMessageContaining("<language> | <text>");
    }
}
