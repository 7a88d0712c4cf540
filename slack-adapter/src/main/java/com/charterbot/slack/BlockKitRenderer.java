package com.charterbot.slack;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Lays a platform-neutral {@link Reply} out as Slack Block Kit. Every text of the reply is already
 * final and localized: this class only picks the widgets, escapes text for Slack's mrkdwn and keeps
 * within Slack's size limits. It adds no user-visible wording of its own.
 *
 * <ul>
 *   <li>{@link Block.Heading}: a {@code header} block, plain text, cut to 150 characters with an ellipsis.
 *   <li>{@link Block.Text}: {@code section} blocks with escaped mrkdwn, several when the text is over
 *       3,000 characters (cut at a line break or a space when there is one).
 *   <li>{@link Block.Checklist}: {@code section} blocks: the label in bold, then one {@code • item} line per item.
 *   <li>{@link Block.CitedSection}: a {@code context} block {@code label: <link|title>}, or {@code label: title}
 *       without a link.
 *   <li>{@link Block.Buttons}: {@code actions} blocks of at most 25 buttons each.
 *   <li>{@link Block.Suggestions}: a {@code section} with the label in bold, then {@code actions} blocks.
 *   <li>{@link Block.AlsoApplies}: a {@code section} with the label in bold, then one {@code section} per
 *       point: its title in bold over its text, with its button as the accessory.
 *   <li>{@link Block.Context}: a {@code context} block with escaped mrkdwn.
 *   <li>{@link Block.Picture} and {@link Block.File}: nothing; Block Kit shows no bytes, so the adapter
 *       uploads them beside the message ({@link SlackFiles}).
 *   <li>{@link Block.Quoted}: a {@code section} block, the label in bold, then the quotes escaped and
 *       {@code verbatim}: Slack neither links the URLs nor parses the names in a person's own words.
 * </ul>
 *
 * <p><b>Action ids.</b> Slack wants each {@code action_id} unique within a message, while a reply
 * often repeats one (every quiz option is {@code charter.quiz.answer}). The first button with a
 * given action id keeps it as is; the next ones get {@code #2}, {@code #3}... appended. The adapter
 * must remove that suffix with {@link #routedActionId(String)} before handing a click to the core.
 * The core's ids ({@link com.charterbot.core.reply.ActionIds}) never contain {@code #}.
 *
 * <p><b>Button values</b> are passed through untouched (the core keeps them within Slack's 2,000
 * characters). An empty value is left out of the JSON, since Slack rejects empty strings: the
 * adapter must read a missing value back as {@code ""}.
 *
 * <p><b>Block count.</b> Slack accepts at most 50 blocks per message. When a reply needs more, only
 * the first 50 are kept and the rest is dropped without notice in the blocks (the fallback text
 * still holds the whole reply): no wording of our own is added, since every user-visible text comes
 * from bot-core's message bundles.
 *
 * <p>{@link #homeView(Reply)} lays a reply out as an App Home tab (up to {@value #MAX_HOME_BLOCKS}
 * blocks), {@link #renderText(String)} a bare text the core gives without a reply.
 *
 * <p>Thread-safe and stateless.
 */
public final class BlockKitRenderer {

    /** Slack's limit on blocks in one message. */
    public static final int MAX_BLOCKS = 50;
    /** Slack's limit on blocks in a home tab or a modal. */
    public static final int MAX_HOME_BLOCKS = 100;
    /** The {@code callback_id} of the App Home view. */
    public static final String HOME_CALLBACK_ID = "charter.home";
    /** Slack's limit on a header block's text. */
    public static final int MAX_HEADER_TEXT = 150;
    /** Slack's limit on a section's text and on a context element's text. */
    public static final int MAX_SECTION_TEXT = 3_000;
    /** Slack's limit on elements in one context block. */
    public static final int MAX_CONTEXT_ELEMENTS = 10;
    /** Slack's limit on elements in one actions block. */
    public static final int MAX_ACTIONS_ELEMENTS = 25;
    /** Slack's limit on a button's text. */
    public static final int MAX_BUTTON_TEXT = 75;
    /** Slack's limit on a button's value. */
    public static final int MAX_BUTTON_VALUE = 2_000;
    /** Slack's recommended limit on a message's top-level {@code text}. */
    public static final int MAX_FALLBACK_TEXT = 40_000;
    /** Separates an action id from the suffix that keeps it unique within a message. */
    public static final char ACTION_ID_SUFFIX = '#';

    private static final String ELLIPSIS = "\u2026";
    private static final String BULLET = "\u2022 ";

    /** The Block Kit blocks of a reply, at most {@value #MAX_BLOCKS}. */
    public List<LayoutBlock> render(Reply reply) {
        return render(reply, MAX_BLOCKS);
    }

    /**
     * A person's App Home tab showing a reply (the core's home page): a {@code home} view with the
     * reply's blocks, at most {@value #MAX_HOME_BLOCKS} of them.
     */
    public View homeView(Reply reply) {
        return View.builder()
                .type("home")
                .callbackId(HOME_CALLBACK_ID)
                .blocks(render(reply, MAX_HOME_BLOCKS))
                .build();
    }

    /** A bare text (a refusal the core gives without a reply) as escaped {@code section} blocks. */
    public List<LayoutBlock> renderText(String text) {
        Objects.requireNonNull(text, "text");
        List<LayoutBlock> blocks = new ArrayList<>();
        sections(escape(text.isBlank() ? "-" : text), blocks);
        return blocks.size() > MAX_BLOCKS ? List.copyOf(blocks.subList(0, MAX_BLOCKS)) : List.copyOf(blocks);
    }

    private List<LayoutBlock> render(Reply reply, int maxBlocks) {
        Objects.requireNonNull(reply, "reply");
        List<LayoutBlock> blocks = new ArrayList<>();
        ActionIdAllocator actionIds = new ActionIdAllocator();
        for (Block block : reply.blocks()) {
            if (blocks.size() >= maxBlocks) {
                break;
            }
            if (block instanceof Block.Heading heading) {
                blocks.add(header(heading.text()));
            } else if (block instanceof Block.Text text) {
                sections(escape(text.text()), blocks);
            } else if (block instanceof Block.Checklist checklist) {
                sections(checklist(checklist), blocks);
            } else if (block instanceof Block.CitedSection cited) {
                blocks.add(context(List.of(citation(cited, reply.language()))));
            } else if (block instanceof Block.Buttons buttons) {
                actions(buttons.buttons(), actionIds, blocks);
            } else if (block instanceof Block.Suggestions suggestions) {
                sections(bold(suggestions.label()), blocks);
                actions(suggestions.buttons(), actionIds, blocks);
            } else if (block instanceof Block.AlsoApplies also) {
                sections(bold(also.label()), blocks);
                for (Block.AlsoApplies.Point point : also.points()) {
                    String text = truncateEscaped(bold(point.title()) + "\n" + escape(point.text()), MAX_SECTION_TEXT);
                    blocks.add(SectionBlock.builder()
                            .text(markdown(text))
                            .accessory(button(
                                    point.open(), actionIds.next(point.open().actionId())))
                            .build());
                }
            } else if (block instanceof Block.Context context) {
                contexts(split(escape(context.text()), MAX_SECTION_TEXT), blocks);
            } else if (block instanceof Block.Quoted quoted) {
                String text = bold(quoted.label()) + " "
                        + String.join(
                                ", ",
                                quoted.quotes().stream()
                                        .map(BlockKitRenderer::escape)
                                        .toList());
                for (String part : split(text, MAX_SECTION_TEXT)) {
                    blocks.add(SectionBlock.builder()
                            .text(MarkdownTextObject.builder()
                                    .text(part)
                                    .verbatim(true)
                                    .build())
                            .build());
                }
            } else if (block instanceof Block.Person person) {
                // A Slack user id is letters and digits: only such an id becomes a mention, anything else is shown as
                // text.
                String who = person.userId().matches("[A-Z0-9]{2,40}")
                        ? "<@" + person.userId() + ">"
                        : escape(person.name().isBlank() ? person.userId() : person.name());
                sections(bold(Messages.labelled(reply.language(), person.label())) + " " + who, blocks);
            } else if (block instanceof Block.Form form) {
                // Forms open as modals (FormModal); a message only says what the form is about.
                sections(bold(form.title()) + (form.intro().isBlank() ? "" : "\n" + escape(form.intro())), blocks);
            } else if (block.isAttachment()) {
                continue;
            } else {
                throw new IllegalStateException("unhandled block " + block);
            }
        }
        return blocks.size() > maxBlocks ? List.copyOf(blocks.subList(0, maxBlocks)) : List.copyOf(blocks);
    }

    /**
     * The message's top-level {@code text}: the reply's whole plain text, escaped so that Slack shows
     * it literally (no mentions, no links), for notifications and clients without Block Kit.
     */
    public String fallbackText(Reply reply) {
        Objects.requireNonNull(reply, "reply");
        return truncateEscaped(escape(reply.fallbackText()), MAX_FALLBACK_TEXT);
    }

    /**
     * The core's action id of a clicked Slack button: the {@code action_id} without the
     * {@code #n} suffix {@link #render} may have added to keep it unique in the message.
     */
    public static String routedActionId(String slackActionId) {
        Objects.requireNonNull(slackActionId, "slackActionId");
        int suffix = slackActionId.lastIndexOf(ACTION_ID_SUFFIX);
        if (suffix < 0 || suffix == slackActionId.length() - 1) {
            return slackActionId;
        }
        for (int i = suffix + 1; i < slackActionId.length(); i++) {
            if (!Character.isDigit(slackActionId.charAt(i))) {
                return slackActionId;
            }
        }
        return slackActionId.substring(0, suffix);
    }

    /**
     * Escapes the three characters Slack's mrkdwn treats as control characters. Most texts have
     * none and are returned as they are: copying every text char by char was 9% of the Slack
     * path's CPU (JFR under bench/slack-load).
     */
    static String escape(String text) {
        int first = 0;
        while (first < text.length() && !isControl(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static boolean isControl(char c) {
        return c == '&' || c == '<' || c == '>';
    }

    // ----- blocks -----

    private static HeaderBlock header(String text) {
        return HeaderBlock.builder()
                .text(plain(truncate(text, MAX_HEADER_TEXT)))
                .build();
    }

    private static void sections(String mrkdwn, List<LayoutBlock> blocks) {
        for (String part : split(mrkdwn, MAX_SECTION_TEXT)) {
            blocks.add(SectionBlock.builder().text(markdown(part)).build());
        }
    }

    private static void contexts(List<String> parts, List<LayoutBlock> blocks) {
        for (int from = 0; from < parts.size(); from += MAX_CONTEXT_ELEMENTS) {
            List<ContextBlockElement> elements = new ArrayList<>();
            for (String part : parts.subList(from, Math.min(parts.size(), from + MAX_CONTEXT_ELEMENTS))) {
                elements.add(markdown(part));
            }
            blocks.add(context(elements));
        }
    }

    private static ContextBlock context(List<ContextBlockElement> elements) {
        return ContextBlock.builder().elements(elements).build();
    }

    private static MarkdownTextObject citation(Block.CitedSection cited, Language language) {
        String title = escape(cited.title());
        String shown = cited.link() == null || cited.link().isBlank()
                ? title
                : "<" + linkTarget(cited.link()) + "|" + title + ">";
        return markdown(
                truncateEscaped(escape(Messages.labelled(language, cited.label())) + " " + shown, MAX_SECTION_TEXT));
    }

    /** A URL inside {@code <...|...>}: escaped, and without a {@code |} that would end it early. */
    private static String linkTarget(String link) {
        return escape(link.strip()).replace("|", "%7C");
    }

    private static String checklist(Block.Checklist checklist) {
        StringBuilder text = new StringBuilder(bold(checklist.label()));
        for (String item : checklist.items()) {
            text.append('\n').append(BULLET).append(escape(item));
        }
        return text.toString();
    }

    private static String bold(String label) {
        return "*" + escape(label) + "*";
    }

    private static void actions(List<Button> buttons, ActionIdAllocator actionIds, List<LayoutBlock> blocks) {
        for (int from = 0; from < buttons.size(); from += MAX_ACTIONS_ELEMENTS) {
            List<BlockElement> elements = new ArrayList<>();
            for (Button button : buttons.subList(from, Math.min(buttons.size(), from + MAX_ACTIONS_ELEMENTS))) {
                elements.add(button(button, actionIds.next(button.actionId())));
            }
            blocks.add(ActionsBlock.builder().elements(elements).build());
        }
    }

    private static ButtonElement button(Button button, String actionId) {
        if (button.value().length() > MAX_BUTTON_VALUE) {
            // Never cut: a shortened value would route the click to the wrong thing.
            throw new IllegalArgumentException("a button value is at most " + MAX_BUTTON_VALUE + " characters");
        }
        return ButtonElement.builder()
                .actionId(actionId)
                .value(button.value().isEmpty() ? null : button.value())
                .text(plain(truncate(button.label(), MAX_BUTTON_TEXT)))
                .style(style(button.style()))
                .build();
    }

    private static String style(Button.Style style) {
        return switch (style) {
            case PRIMARY -> "primary";
            case DANGER -> "danger";
            case DEFAULT -> null;
        };
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    // ----- lengths -----

    /** Plain text cut to {@code max} characters, ending with an ellipsis when cut. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = safeCut(text, max - ELLIPSIS.length());
        return text.substring(0, cut) + ELLIPSIS;
    }

    /** Escaped text cut to {@code max} characters without breaking an entity, ending with an ellipsis when cut. */
    static String truncateEscaped(String escaped, int max) {
        if (escaped.length() <= max) {
            return escaped;
        }
        int cut = entitySafeCut(escaped, 0, max - ELLIPSIS.length());
        return escaped.substring(0, cut) + ELLIPSIS;
    }

    /**
     * Escaped text in pieces of at most {@code max} characters, cut after a line break, else after a
     * space, else anywhere that splits neither an entity nor a surrogate pair; blank pieces are dropped.
     */
    static List<String> split(String escaped, int max) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < escaped.length()) {
            int end;
            if (escaped.length() - start <= max) {
                end = escaped.length();
            } else {
                int hard = entitySafeCut(escaped, start, start + max);
                end = softCut(escaped, start, hard);
            }
            String part = escaped.substring(start, end).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            start = end;
        }
        return parts;
    }

    /** The last cut after a line break, else after whitespace, within {@code (start, hard]}; else {@code hard}. */
    private static int softCut(String text, int start, int hard) {
        int newline = text.lastIndexOf('\n', hard - 1);
        if (newline > start) {
            return newline + 1;
        }
        for (int i = hard - 1; i > start; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return hard;
    }

    /** {@code end}, moved back so that it cuts neither an {@code &...;} entity nor a surrogate pair. */
    private static int entitySafeCut(String escaped, int start, int end) {
        // Entities are at most 5 characters long ("&amp;"): only an '&' among the last 4 can straddle the cut.
        int amp = escaped.lastIndexOf('&', end - 1);
        if (amp > start && amp > end - 5 && escaped.indexOf(';', amp) >= end) {
            end = amp;
        }
        return Math.max(start + 1, safeCut(escaped, end));
    }

    /** {@code end}, moved back by one if it would split a surrogate pair. */
    private static int safeCut(String text, int end) {
        if (end > 0
                && end < text.length()
                && Character.isHighSurrogate(text.charAt(end - 1))
                && Character.isLowSurrogate(text.charAt(end))) {
            return end - 1;
        }
        return end;
    }

    /** Hands out action ids unique within one message. */
    private static final class ActionIdAllocator {
        private final Set<String> used = new HashSet<>();

        String next(String actionId) {
            String candidate = actionId;
            for (int n = 2; !used.add(candidate); n++) {
                candidate = actionId + ACTION_ID_SUFFIX + n;
            }
            return candidate;
        }
    }
}
