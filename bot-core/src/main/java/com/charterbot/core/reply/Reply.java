package com.charterbot.core.reply;

import com.charterbot.core.charter.Language;
import java.util.List;
import java.util.Objects;

/**
 * A message the bot sends, platform-neutral.
 *
 * @param delivery where it goes; adapters map it to ephemeral messages, thread replies, updates
 * @param fallbackText the whole message as plain text, for notifications and clients without rich layout
 */
public record Reply(Language language, Delivery delivery, List<Block> blocks, String fallbackText) {

    /** Where a reply goes. */
    public enum Delivery {
        /** Only to the person who wrote or clicked (Slack ephemeral, Teams personal reply). */
        PRIVATE,
        /** Visible to everyone in the conversation (a thread reply, a channel post). */
        CONVERSATION,
        /** Replaces the message whose button was clicked. */
        REPLACE_ORIGINAL
    }

    /** A reply whose fallback text is its blocks' plain text. */
    public static Reply of(Language language, Delivery delivery, List<Block> blocks) {
        String text = blocks.stream().map(block -> block.plainText(language)).filter(t -> !t.isEmpty()).collect(java.util.stream.Collectors.joining("\n"));
        return new Reply(language, delivery, blocks, text);
    }

    public Reply {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(delivery, "delivery");
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one block");
        }
        Objects.requireNonNull(fallbackText, "fallbackText");
        if (fallbackText.isBlank()) {
            throw new IllegalArgumentException("a reply has a fallback text");
        }
    }
}
