package com.charterbot.core.reply;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of a reply. Every text is final, in the reply's language: adapters only lay the
 * blocks out with the platform's widgets (Block Kit, Adaptive Cards), and deliver a
 * {@link Picture} or {@link File} the way the platform delivers pictures and files.
 */
public sealed interface Block {

    /** This block as plain text, in the reply's language, for notifications and clients that show no layout; empty for buttons. */
    String plainText(Language language);

    /** A heading, e.g. a section title or "Question 2 of 3". */
    record Heading(String text) implements Block {
        public Heading {
            requireText(text);
        }

        @Override
        public String plainText(Language language) {
            return text;
        }
    }

    /** A paragraph of plain text (no markup: adapters escape it). */
    record Text(String text) implements Block {
        public Text {
            requireText(text);
        }

        @Override
        public String plainText(Language language) {
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
        public String plainText(Language language) {
            return Messages.labelled(language, label) + " " + title + (link == null ? "" : " " + link);
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
        public String plainText(Language language) {
            return Messages.labelled(language, label) + "\n- " + String.join("\n- ", items);
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
        public String plainText(Language language) {
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
        public String plainText(Language language) {
            return Messages.labelled(language, label) + "\n- "
                    + String.join("\n- ", buttons.stream().map(Button::label).toList());
        }
    }

    /**
     * Other sections that apply too, under a label such as "Also applies": each with its title, the
     * point to remember from it and a button that opens the whole section.
     */
    record AlsoApplies(String label, List<Point> points) implements Block {

        /** One section that also applies. */
        public record Point(String title, String text, Button open) {
            public Point {
                requireText(title);
                requireText(text);
                Objects.requireNonNull(open, "open");
            }
        }

        public AlsoApplies {
            requireText(label);
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException("sections that also apply are at least one");
            }
        }

        @Override
        public String plainText(Language language) {
            return Messages.labelled(language, label) + "\n- "
                    + String.join(
                            "\n- ",
                            points.stream()
                                    .map(p -> Messages.labelled(language, p.title()) + " " + p.text())
                                    .toList());
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
        public String plainText(Language language) {
            return label + " " + String.join(", ", quotes);
        }
    }

    /**
     * A person, shown as the platform shows them (a Slack mention, a Teams name), so that readers can
     * reach them: the asker on a question sent to the communications team.
     *
     * @param label e.g. "Asked by", already localized, without its colon
     * @param userId the platform's user id; Slack mentions it, so only letters and digits
     * @param name the name the platform gave, shown where a mention is not possible; escaped by renderers
     */
    record Person(String label, String userId, String name) implements Block {
        public Person {
            requireText(label);
            requireText(userId);
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String plainText(Language language) {
            return Messages.labelled(language, label) + " " + (name.isBlank() ? userId : name);
        }
    }

    /**
     * A form to fill in (a Slack modal, inputs on a Teams card): its fields' values come back with a
     * click on {@code submit}, in {@link com.charterbot.core.values.ActionEvent#inputs()} by field id.
     * Renderers lay out nothing else of a reply that holds a form.
     *
     * @param title e.g. "Answer the question", short: Slack cuts a modal title at 24 characters
     * @param intro what the form is about (the question answered), shown above the fields; may be empty
     */
    record Form(String title, String intro, List<Field> fields, Button submit, String cancelLabel) implements Block {

        /**
         * One field.
         *
         * @param options the choices, for a choice; empty for free text
         * @param optional whether the form may be sent without it
         */
        public record Field(String id, String label, List<Button> options, boolean optional, int maxLength) {
            public Field {
                requireText(id);
                requireText(label);
                options = List.copyOf(options);
                if (maxLength < 1) {
                    throw new IllegalArgumentException("maxLength must be positive");
                }
            }

            /** Whether the field is a choice among {@link #options()} (the button labels shown, their values sent back). */
            public boolean choice() {
                return !options.isEmpty();
            }
        }

        public Form {
            requireText(title);
            Objects.requireNonNull(intro, "intro");
            fields = List.copyOf(fields);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a form has fields");
            }
            Objects.requireNonNull(submit, "submit");
            requireText(cancelLabel);
        }

        @Override
        public String plainText(Language language) {
            return intro.isBlank() ? title : title + "\n" + intro;
        }
    }

    /** Small print under a reply, such as a confidence or a count of answers. */
    record Context(String text) implements Block {
        public Context {
            requireText(text);
        }

        @Override
        public String plainText(Language language) {
            return text;
        }
    }

    /**
     * A picture to show with the reply, such as a chart. The same information is in the reply's
     * text too, for screen readers and for clients that show no pictures.
     *
     * @param description what the picture shows, in a sentence: its alternative text
     * @param fileName a name for platforms that deliver pictures as files, ending in {@code .png}
     * @param png the picture, a PNG image
     */
    record Picture(String description, String fileName, byte[] png) implements Block {
        public Picture {
            requireText(description);
            requireFileName(fileName);
            png = requireContent(png).clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }

        /** The picture's size in bytes. */
        public int size() {
            return png.length;
        }

        @Override
        public String plainText(Language language) {
            return description;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Picture that
                    && description.equals(that.description)
                    && fileName.equals(that.fileName)
                    && Arrays.equals(png, that.png);
        }

        @Override
        public int hashCode() {
            return Objects.hash(description, fileName, Arrays.hashCode(png));
        }

        @Override
        public String toString() {
            return "Picture[" + fileName + ", " + png.length + " bytes]";
        }
    }

    /**
     * A file for the person to keep, such as a CSV export.
     *
     * @param description what the file holds, in a sentence
     * @param fileName the name it is saved under
     * @param mediaType its MIME type, e.g. {@code text/csv}
     * @param again the action that gives the same file again, for platforms that deliver a file only once the
     *     person has accepted it (Teams' file consent); empty when the file cannot be had again
     */
    record File(String description, String fileName, String mediaType, byte[] content, Optional<Button> again)
            implements Block {
        public File {
            requireText(description);
            requireFileName(fileName);
            requireText(mediaType);
            content = requireContent(content).clone();
            Objects.requireNonNull(again, "again");
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        /** The file's size in bytes. */
        public int size() {
            return content.length;
        }

        @Override
        public String plainText(Language language) {
            return description;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof File that
                    && description.equals(that.description)
                    && fileName.equals(that.fileName)
                    && mediaType.equals(that.mediaType)
                    && Arrays.equals(content, that.content)
                    && again.equals(that.again);
        }

        @Override
        public int hashCode() {
            return Objects.hash(description, fileName, mediaType, Arrays.hashCode(content), again);
        }

        @Override
        public String toString() {
            return "File[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
        }
    }

    /** Whether this block is something to deliver as a file or picture rather than to lay out as text and buttons. */
    default boolean isAttachment() {
        return this instanceof Picture || this instanceof File;
    }

    /** A file name is short, has an extension and nothing that means a folder or breaks a header. */
    private static void requireFileName(String name) {
        requireText(name);
        if (!name.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,99}\\.[a-z0-9]{1,5}")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
    }

    private static byte[] requireContent(byte[] content) {
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            throw new IllegalArgumentException("a file or picture is not empty");
        }
        return content;
    }

    private static void requireText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a block's text must not be blank");
        }
    }
}
