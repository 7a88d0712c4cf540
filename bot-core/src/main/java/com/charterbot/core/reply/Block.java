package com.charterbot.core.reply;

import java.util.List;
import java.util.Objects;

/**
 * One piece of a reply. Every text is final, in the reply's language: adapters only lay the
 * blocks out with the platform's widgets (Block Kit, Adaptive Cards).
 */
public sealed interface Block {

    /** This block as plain text, for notifications and clients that show no layout; empty for buttons. */
    String plainText();

    /** A heading, e.g. a section title or "Question 2 of 3". */
    record Heading(String text) implements Block {
        public Heading {
            requireText(text);
        }

        @Override
        public String plainText() {
            return text;
        }
    }

    /** A paragraph of plain text (no markup: adapters escape it). */
    record Text(String text) implements Block {
        public Text {
            requireText(text);
        }

        @Override
        public String plainText() {
            return text;
        }
    }

    /**
     * The charter section a reply relies on.
     *
     * @param label e.g. "Source" / "Source", already localized
     * @param link the section in the full charter, or null
     */
    record CitedSection(String label, String sectionId, String title, String link) implements Block {
        public CitedSection {
            requireText(label);
            requireText(sectionId);
            requireText(title);
        }

        @Override
        public String plainText() {
            return label + ": " + title + (link == null ? "" : " " + link);
        }
    }

    /** A labelled list: "Before you act", "Do", "Don't", a score breakdown... */
    record Checklist(String label, List<String> items) implements Block {
        public Checklist {
            requireText(label);
            items = List.copyOf(items);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("a checklist has items");
            }
        }

        @Override
        public String plainText() {
            return label + ":\n- " + String.join("\n- ", items);
        }
    }

    /** Buttons shown together: quiz options, feedback, "start a quiz". */
    record Buttons(List<Button> buttons) implements Block {
        public Buttons {
            buttons = List.copyOf(buttons);
            if (buttons.isEmpty()) {
                throw new IllegalArgumentException("a button row has buttons");
            }
        }

        @Override
        public String plainText() {
            return "";
        }
    }

    /** "Did you mean" or "See also": sections offered as buttons under a label. */
    record Suggestions(String label, List<Button> buttons) implements Block {
        public Suggestions {
            requireText(label);
            buttons = List.copyOf(buttons);
            if (buttons.isEmpty()) {
                throw new IllegalArgumentException("suggestions have buttons");
            }
        }

        @Override
        public String plainText() {
            return label + ":\n- " + String.join("\n- ", buttons.stream().map(Button::label).toList());
        }
    }

    /**
     * Words quoted from what a person wrote (a draft they asked to check), each already between
     * the language's quotation marks. Renderers show them exactly as written: never as a link, a
     * mention or markup, whatever they contain ({@code <!channel>}, {@code https://...}, {@code @here}).
     *
     * @param label e.g. "In your draft:" / "Dans votre brouillon :", already localized with its punctuation
     */
    record Quoted(String label, List<String> quotes) implements Block {
        public Quoted {
            requireText(label);
            quotes = List.copyOf(quotes);
            if (quotes.isEmpty()) {
                throw new IllegalArgumentException("a quotation has quotes");
            }
        }

        @Override
        public String plainText() {
            return label + " " + String.join(", ", quotes);
        }
    }

    /** Small print under a reply, such as a confidence or a count of answers. */
    record Context(String text) implements Block {
        public Context {
            requireText(text);
        }

        @Override
        public String plainText() {
            return text;
        }
    }

    private static void requireText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a block's text must not be blank");
        }
    }
}
