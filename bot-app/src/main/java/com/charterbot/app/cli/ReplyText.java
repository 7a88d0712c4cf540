package com.charterbot.app.cli;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a reply out as plain text for a terminal, numbering its buttons so that a person can click
 * one by typing its number.
 */
final class ReplyText {

    private ReplyText() {}

    /**
     * Appends the reply to {@code text} and its buttons to {@code buttons}, numbered after those
     * already there.
     */
    static void render(Reply reply, StringBuilder text, List<Button> buttons) {
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Heading heading) {
                text.append(heading.text())
                        .append('\n')
                        .append("-".repeat(Math.min(heading.text().length(), 72)))
                        .append('\n');
            } else if (block instanceof Block.Text paragraph) {
                text.append(paragraph.text()).append('\n');
            } else if (block instanceof Block.CitedSection cited) {
                text.append(Messages.labelled(reply.language(), cited.label()))
                        .append(' ')
                        .append(cited.title())
                        .append(" [")
                        .append(cited.sectionId())
                        .append(']');
                if (cited.link() != null) {
                    text.append(' ').append(cited.link());
                }
                text.append('\n');
            } else if (block instanceof Block.Checklist checklist) {
                text.append(Messages.labelled(reply.language(), checklist.label()))
                        .append('\n');
                checklist
                        .items()
                        .forEach(item -> text.append("  - ").append(item).append('\n'));
            } else if (block instanceof Block.Buttons row) {
                numbered(row.buttons(), text, buttons);
            } else if (block instanceof Block.Suggestions suggestions) {
                text.append(Messages.labelled(reply.language(), suggestions.label()))
                        .append('\n');
                numbered(suggestions.buttons(), text, buttons);
            } else if (block instanceof Block.Context context) {
                text.append("  (").append(context.text()).append(")\n");
            }
        }
    }

    /** The reply alone, buttons numbered from 1. */
    static String render(Reply reply) {
        StringBuilder text = new StringBuilder();
        render(reply, text, new ArrayList<>());
        return text.toString();
    }

    private static void numbered(List<Button> row, StringBuilder text, List<Button> buttons) {
        for (Button button : row) {
            buttons.add(button);
            text.append("  [")
                    .append(buttons.size())
                    .append("] ")
                    .append(button.label())
                    .append('\n');
        }
    }
}
