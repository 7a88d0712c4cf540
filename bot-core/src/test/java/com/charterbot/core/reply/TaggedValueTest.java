package com.charterbot.core.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaggedValueTest {

    @Test
    void aTaggedValueComesBackWithItsLanguage() {
        String sent = TaggedValue.tag(Language.FR, "photos");

        assertThat(sent).isEqualTo("fr~photos");
        assertThat(TaggedValue.read(sent)).isEqualTo(new TaggedValue(Optional.of(Language.FR), "photos"));
        assertThat(TaggedValue.isTagged(sent)).isTrue();
    }

    @Test
    void onlyTheFirstSeparatorSplitsAndTheRestIsKeptAsIs() {
        assertThat(TaggedValue.read("en~quiz~3\nnext"))
                .isEqualTo(new TaggedValue(Optional.of(Language.EN), "quiz~3\nnext"));
    }

    @Test
    void aValueWithoutAKnownTagIsKeptWhole() {
        assertThat(TaggedValue.read("C0123ABC")).isEqualTo(new TaggedValue(Optional.empty(), "C0123ABC"));
        assertThat(TaggedValue.read("de~photos")).isEqualTo(new TaggedValue(Optional.empty(), "de~photos"));
        assertThat(TaggedValue.read("EN~photos").language()).isEmpty();
        assertThat(TaggedValue.read("~photos").value()).isEqualTo("~photos");
        assertThat(TaggedValue.read(null)).isEqualTo(new TaggedValue(Optional.empty(), ""));
        assertThat(TaggedValue.isTagged("photos")).isFalse();
    }
}
