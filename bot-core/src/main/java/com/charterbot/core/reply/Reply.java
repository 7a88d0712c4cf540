package com.charterbot.core.reply;

import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the bot sends, platform-neutral.
 *
 * @param delivery where it goes; adapters map it to ephemeral messages, thread replies, updates
 * @param fallbackText the whole message as plain text, for notifications and clients without rich layout
 * @param view the action that gives this reply again as it stands now for whoever asks (the question a person's
 *     quiz is at, a channel quiz with that person's verdict), for platforms that show one message differently to
 *     each person (Teams' user-specific views); empty for replies that do not change. A reply with a view is never
 *     personal data before someone acts on it, so a platform without private messages may show it to everyone.
 */
public record Reply(
        Language language, Delivery delivery, List<Block> blocks, String fallbackText, Optional<Button> view) {

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
        String text = blocks.stream()
                .map(block -> block.plainText(language))
                .filter(t -> !t.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n"));
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
        Objects.requireNonNull(view, "view");
    }

    /** A reply that stays as it was sent. */
    public Reply(Language language, Delivery delivery, List<Block> blocks, String fallbackText) {
        this(language, delivery, blocks, fallbackText, Optional.empty());
    }

    /** This reply, to be shown again per person through {@code view}. */
    public Reply withView(Button view) {
        return new Reply(language, delivery, blocks, fallbackText, Optional.of(view));
    }
}
