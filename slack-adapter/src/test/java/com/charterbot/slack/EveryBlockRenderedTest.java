package com.charterbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.BlockSamples;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block Kit has a rendering for every kind of block the core can send; pictures and files go as uploads instead. */
class EveryBlockRenderedTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    @Test
    void everyKindOfBlockBecomesBlockKitOrAnUpload() {
        for (Block block : BlockSamples.one().values()) {
            Reply reply = new Reply(Language.EN, Reply.Delivery.PRIVATE, List.of(block), "sample");
            if (block.isAttachment()) {
                assertThat(renderer.render(reply))
                        .as("%s is uploaded by SlackFiles, not drawn in Block Kit", block)
                        .isEmpty();
                assertThat(SlackFiles.any(List.of(reply)))
                        .as("%s is seen as a file to upload", block)
                        .isTrue();
            } else {
                assertThat(renderer.render(reply)).as("Block Kit for %s", block).isNotEmpty();
            }
        }
        assertThat(renderer.render(BlockSamples.everyKind()))
                .hasSizeGreaterThanOrEqualTo(BlockSamples.one().size() - 2);
    }
}
