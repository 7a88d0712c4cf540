package com.charterbot.core.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockSamplesTest {

    @Test
    void thereIsASampleOfEveryKindOfBlock() {
        List<Class<?>> kinds = List.copyOf(BlockSamples.one().keySet());
        assertThat(kinds)
                .as("every class permitted by the sealed Block has a sample, so the renderers' tests see it")
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Block.class.getPermittedSubclasses()));
    }
}
