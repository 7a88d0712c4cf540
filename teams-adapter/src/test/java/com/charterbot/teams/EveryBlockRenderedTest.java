package com.charterbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.BlockSamples;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An Adaptive Card has a rendering for every kind of block the core can send; files go through Teams' file consent instead. */
class EveryBlockRenderedTest {

    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    @Test
    void everyKindOfBlockBecomesPartOfTheCardOrAFileOffer() {
        for (Block block : BlockSamples.one().values()) {
            Reply reply = new Reply(Language.EN, Reply.Delivery.PRIVATE, List.of(block), "sample");
            int elements = renderer.card(reply).path("body").size();
            if (block instanceof Block.File) {
                assertThat(elements)
                        .as("%s is offered as a file, not drawn in the card", block)
                        .isZero();
            } else {
                assertThat(elements).as("card elements for %s", block).isPositive();
            }
        }
        assertThat(renderer.card(BlockSamples.everyKind()).path("body").size())
                .isGreaterThanOrEqualTo(BlockSamples.one().size() - 1);
    }
}
