package com.charterbot.slack;

import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays a core {@link Block.Form} out as a Slack modal and reads its submission back as the form's
 * submit action: the action id and value travel in {@code private_metadata}
 * ({@code <action id>\n<value>}), the fields come back by id ({@link NudgeModal#values}), and the
 * {@code callback_id} says whether the form was opened from the App Home ({@link #HOME_CALLBACK_ID}).
 */
final class FormModal {

    /** The modal's {@code callback_id}, routed to {@link Interactions#formSubmission}. */
    static final String CALLBACK_ID = "charter.form";
    /**
     * The {@code callback_id} of a form opened from the App Home, routed the same way: there, what
     * replaces the original re-publishes the Home tab rather than going to the person's DM.
     */
    static final String HOME_CALLBACK_ID = "charter.form.home";

    private FormModal() {}

    /** The first form of a reply, if it holds one. */
    static Optional<Block.Form> formOf(com.charterbot.core.reply.Reply reply) {
        return reply.blocks().stream()
                .filter(Block.Form.class::isInstance)
                .map(Block.Form.class::cast)
                .findFirst();
    }

    /** Whether a submitted view is one of these forms. */
    static boolean handles(String callbackId) {
        return CALLBACK_ID.equals(callbackId) || HOME_CALLBACK_ID.equals(callbackId);
    }

    /** @param fromHome whether the button that opens it is in the App Home */
    static View view(Block.Form form, boolean fromHome) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!form.intro().isBlank()) {
            blocks.add(SectionBlock.builder()
                    .text(MarkdownTextObject.builder()
                            .text(BlockKitRenderer.truncateEscaped(BlockKitRenderer.escape(form.intro()), 3_000))
                            .verbatim(true)
                            .build())
                    .build());
        }
        for (Block.Form.Field field : form.fields()) {
            blocks.add(InputBlock.builder()
                    .blockId(field.id())
                    .label(plain(field.label(), NudgeModal.MAX_LABEL))
                    .optional(field.optional())
                    .element(element(field))
                    .build());
        }
        Button submit = form.submit();
        String metadata = submit.actionId() + "\n" + submit.value();
        return View.builder()
                .type("modal")
                .callbackId(fromHome ? HOME_CALLBACK_ID : CALLBACK_ID)
                .privateMetadata(
                        metadata.length() <= NudgeModal.MAX_METADATA
                                ? metadata
                                : metadata.substring(0, NudgeModal.MAX_METADATA))
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text(text(form.title(), NudgeModal.MAX_TITLE))
                        .build())
                .submit(ViewSubmit.builder()
                        .type("plain_text")
                        .text(text(submit.label(), NudgeModal.MAX_TITLE))
                        .build())
                .close(ViewClose.builder()
                        .type("plain_text")
                        .text(text(form.cancelLabel(), NudgeModal.MAX_TITLE))
                        .build())
                .blocks(blocks)
                .build();
    }

    private static BlockElement element(Block.Form.Field field) {
        if (field.choice()) {
            List<OptionObject> options = field.options().stream()
                    .filter(option ->
                            !option.value().isEmpty() && option.value().length() <= NudgeModal.MAX_OPTION_VALUE)
                    .limit(NudgeModal.MAX_OPTIONS)
                    .map(option -> OptionObject.builder()
                            .text(plain(option.label(), NudgeModal.MAX_OPTION_TEXT))
                            .value(option.value())
                            .build())
                    .toList();
            return StaticSelectElement.builder()
                    .actionId(field.id())
                    .options(options)
                    .build();
        }
        int maxLength = Math.min(field.maxLength(), NudgeModal.MAX_INPUT_LENGTH);
        return PlainTextInputElement.builder()
                .actionId(field.id())
                .maxLength(maxLength)
                .multiline(maxLength > 300)
                .build();
    }

    /** The submit action's id and value from the modal's metadata; empty when it is not one of ours. */
    static Optional<String[]> submitOf(String metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        int newline = metadata.indexOf('\n');
        return newline <= 0
                ? Optional.empty()
                : Optional.of(new String[] {metadata.substring(0, newline), metadata.substring(newline + 1)});
    }

    private static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(text(text, max)).build();
    }

    private static String text(String text, int max) {
        return BlockKitRenderer.truncate(text.isBlank() ? "-" : text, max);
    }
}
