package com.charterbot.slack;

import com.charterbot.core.nudge.NudgeForm;
import com.charterbot.core.reply.TaggedValue;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays the core's {@link NudgeForm} out as a Slack modal and reads a submission back.
 *
 * <p>Each field is an {@code input} block whose {@code block_id} and {@code action_id} are the
 * field's id: a {@code static_select} with the current value as initial option for a choice, a
 * {@code plain_text_input} with the current text, its maximum length and the hint for a text. The
 * channel's id travels in {@code private_metadata}. Every text comes from the form, cut to Slack's
 * limits. A text field that is empty when the form opens is optional, so the form can be sent back
 * as it was; the core checks every value anyway.
 */
final class NudgeModal {

    /** The modal's {@code callback_id}, routed to the submission handler. */
    static final String CALLBACK_ID = "charter.nudges.form";

    static final int MAX_TITLE = 24;
    static final int MAX_LABEL = 2_000;
    static final int MAX_HINT = 2_000;
    static final int MAX_OPTIONS = 100;
    static final int MAX_OPTION_TEXT = 75;
    static final int MAX_OPTION_VALUE = 150;
    static final int MAX_INPUT_LENGTH = 3_000;
    static final int MAX_METADATA = 3_000;

    private NudgeModal() {}

    static View view(NudgeForm form) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (NudgeForm.Field field : form.fields()) {
            if (blocks.size() >= BlockKitRenderer.MAX_HOME_BLOCKS) {
                break;
            }
            InputBlock.InputBlockBuilder input = InputBlock.builder()
                    .blockId(field.id())
                    .label(plain(field.label(), MAX_LABEL))
                    .element(element(field));
            if (!field.hint().isBlank()) {
                input.hint(plain(field.hint(), MAX_HINT));
            }
            if (field.kind() == NudgeForm.Kind.TEXT && field.value().isEmpty()) {
                input.optional(true);
            }
            blocks.add(input.build());
        }
        // The form's language travels with the channel id, so that errors come back in the same language.
        String channelId = TaggedValue.tag(form.language(), form.channel().channelId());
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(channelId.length() <= MAX_METADATA ? channelId : channelId.substring(0, MAX_METADATA))
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text(text(form.title(), MAX_TITLE))
                        .build())
                .submit(ViewSubmit.builder()
                        .type("plain_text")
                        .text(text(form.submitLabel(), MAX_TITLE))
                        .build())
                .close(ViewClose.builder()
                        .type("plain_text")
                        .text(text(form.cancelLabel(), MAX_TITLE))
                        .build())
                .blocks(blocks)
                .build();
    }

    private static BlockElement element(NudgeForm.Field field) {
        if (field.kind() == NudgeForm.Kind.CHOICE) {
            List<OptionObject> options = new ArrayList<>();
            OptionObject initial = null;
            for (NudgeForm.Option option : field.options()) {
                if (options.size() >= MAX_OPTIONS
                        || option.value().isEmpty()
                        || option.value().length() > MAX_OPTION_VALUE) {
                    continue;
                }
                OptionObject shown = OptionObject.builder()
                        .text(plain(option.label(), MAX_OPTION_TEXT))
                        .value(option.value())
                        .build();
                options.add(shown);
                if (initial == null && option.value().equals(field.value())) {
                    initial = shown;
                }
            }
            return StaticSelectElement.builder()
                    .actionId(field.id())
                    .options(options)
                    .initialOption(initial)
                    .build();
        }
        int maxLength = Math.min(field.maxLength(), MAX_INPUT_LENGTH);
        String initial = field.value().isEmpty() ? null : BlockKitRenderer.truncate(field.value(), maxLength);
        return PlainTextInputElement.builder()
                .actionId(field.id())
                .maxLength(maxLength)
                .initialValue(initial)
                .build();
    }

    /**
     * The submitted values, field id to value: a select's chosen option value, an input's text
     * ({@code ""} when left empty). Blocks of other shapes are read as their plain value.
     */
    static Map<String, String> values(ViewState state) {
        Map<String, String> values = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return values;
        }
        for (Map.Entry<String, Map<String, ViewState.Value>> block :
                state.getValues().entrySet()) {
            Map<String, ViewState.Value> actions = block.getValue();
            if (block.getKey() == null || actions == null || actions.isEmpty()) {
                continue;
            }
            ViewState.Value value = actions.containsKey(block.getKey())
                    ? actions.get(block.getKey())
                    : actions.values().iterator().next();
            values.put(block.getKey(), valueOf(value));
        }
        return values;
    }

    private static String valueOf(ViewState.Value value) {
        if (value == null) {
            return "";
        }
        if (value.getSelectedOption() != null) {
            return value.getSelectedOption().getValue() == null
                    ? ""
                    : value.getSelectedOption().getValue();
        }
        return value.getValue() == null ? "" : value.getValue();
    }

    /** The first input block's id, where an error about the whole form is shown. */
    static String firstBlockId(View view) {
        if (view != null && view.getBlocks() != null) {
            for (LayoutBlock block : view.getBlocks()) {
                if (block instanceof InputBlock input && input.getBlockId() != null) {
                    return input.getBlockId();
                }
            }
        }
        return NudgeForm.FREQUENCY;
    }

    private static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(text(text, max)).build();
    }

    private static String text(String text, int max) {
        return BlockKitRenderer.truncate(text.isBlank() ? "-" : text, max);
    }
}
