package com.charterbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.nudge.NudgeForm;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NudgeModalTest {

    private static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, "T1", "C1");

    @Test
    void aChoiceKeepsWithinSlacksLimitsAndHasNoInitialOptionWhenTheValueIsNotOffered() {
        List<NudgeForm.Option> options = new ArrayList<>();
        IntStream.range(0, 120)
                .forEach(i -> options.add(new NudgeForm.Option("v" + i, "Option " + "x".repeat(100) + i)));
        options.add(0, new NudgeForm.Option("x".repeat(151), "too long a value"));
        NudgeForm form = new NudgeForm(
                Language.EN,
                CHANNEL,
                "T",
                "S",
                "C",
                List.of(new NudgeForm.Field(
                        NudgeForm.CONTENT, "What", NudgeForm.Kind.CHOICE, "gone", options, "", 10)));

        StaticSelectElement select = (StaticSelectElement)
                ((InputBlock) NudgeModal.view(form).getBlocks().get(0)).getElement();

        assertThat(select.getOptions()).hasSize(NudgeModal.MAX_OPTIONS);
        assertThat(select.getOptions().get(0).getValue()).isEqualTo("v0");
        assertThat(select.getOptions())
                .allSatisfy(o -> assertThat(o.getText().getText()).hasSizeLessThanOrEqualTo(75));
        assertThat(select.getInitialOption()).isNull();
    }

    @Test
    void aTextKeepsWithinSlacksInputLimit() {
        NudgeForm form = new NudgeForm(
                Language.EN,
                CHANNEL,
                "T",
                "S",
                "C",
                List.of(new NudgeForm.Field(
                        NudgeForm.TIME, "When", NudgeForm.Kind.TEXT, "9:30", List.of(), "", 10_000)));

        InputBlock block = (InputBlock) NudgeModal.view(form).getBlocks().get(0);
        PlainTextInputElement input = (PlainTextInputElement) block.getElement();

        assertThat(input.getMaxLength()).isEqualTo(NudgeModal.MAX_INPUT_LENGTH);
        assertThat(input.getInitialValue()).isEqualTo("9:30");
        assertThat(block.getHint()).isNull();
        assertThat(block.isOptional()).isFalse();
    }

    @Test
    void submittedValuesAreReadByFieldId() {
        ViewState.Value select = new ViewState.Value();
        select.setType("static_select");
        ViewState.SelectedOption chosen = new ViewState.SelectedOption();
        chosen.setValue("daily");
        select.setSelectedOption(chosen);
        ViewState.Value text = new ViewState.Value();
        text.setType("plain_text_input");
        text.setValue("09:30");
        ViewState.Value empty = new ViewState.Value();
        empty.setType("plain_text_input");
        ViewState.Value otherAction = new ViewState.Value();
        otherAction.setValue("Europe/Paris");
        Map<String, Map<String, ViewState.Value>> values = new LinkedHashMap<>();
        values.put(NudgeForm.FREQUENCY, Map.of(NudgeForm.FREQUENCY, select));
        values.put(NudgeForm.TIME, Map.of(NudgeForm.TIME, text));
        values.put(NudgeForm.CONTENT, Map.of(NudgeForm.CONTENT, empty));
        values.put(NudgeForm.ZONE, Map.of("renamed-action", otherAction));
        ViewState state = new ViewState();
        state.setValues(values);

        assertThat(NudgeModal.values(state))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        NudgeForm.FREQUENCY,
                        "daily",
                        NudgeForm.TIME,
                        "09:30",
                        NudgeForm.CONTENT,
                        "",
                        NudgeForm.ZONE,
                        "Europe/Paris"));
        assertThat(NudgeModal.values(null)).isEmpty();
    }

    @Test
    void aFormWideErrorGoesOnTheFirstInput() {
        View view = NudgeModal.view(FakeEditNudges.form(CHANNEL));

        assertThat(NudgeModal.firstBlockId(view)).isEqualTo(NudgeForm.FREQUENCY);
        assertThat(NudgeModal.firstBlockId(null)).isEqualTo(NudgeForm.FREQUENCY);
    }

    @Test
    void theBotsMentionIsRemovedWhereverItIs() {
        assertThat(SlackMessages.withoutMention("<@U0BOT> can I post?", "U0BOT"))
                .isEqualTo("can I post?");
        assertThat(SlackMessages.withoutMention("hey <@U0BOT|charter>, can I post?", "U0BOT"))
                .isEqualTo("hey , can I post?");
        assertThat(SlackMessages.withoutMention("<@U0BOT> ask <@U0OTHER>", "U0BOT"))
                .isEqualTo("ask <@U0OTHER>");
        assertThat(SlackMessages.withoutMention("<@U0BOT> help", null)).isEqualTo("help");
        assertThat(SlackMessages.withoutMention(null, "U0BOT")).isEmpty();
        assertThat(SlackMessages.withoutMention("<@U0ALICE> <@U0BOT>\u00A0quiz", "U0BOT"))
                .isEqualTo("quiz");
        assertThat(SlackMessages.withoutMention("<@U0BOT> can <@U0ALICE|alice> post this?", "U0BOT"))
                .isEqualTo("can <@U0ALICE|alice> post this?");
    }
}
