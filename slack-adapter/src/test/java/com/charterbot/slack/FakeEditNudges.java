package com.charterbot.slack;

import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.nudge.NudgeForm;
import com.charterbot.core.nudge.NudgeFormOutcome;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A nudge form for tests: administrators get {@link #form}, others are denied; submissions answer what the test set. */
final class FakeEditNudges implements EditNudges {

    static final String DENIED = "Only administrators change nudges (from the core)";
    static final String SAVED = "Nudges saved (from the core)";

    record Call(
            String kind,
            UserRef user,
            boolean admin,
            ChannelRef channel,
            Map<String, String> values,
            Optional<Language> language) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile NudgeFormOutcome submitOutcome;

    static NudgeForm form(ChannelRef channel) {
        return new NudgeForm(
                Language.EN,
                channel,
                "Nudges in #general, a long title",
                "Save",
                "Cancel",
                List.of(
                        new NudgeForm.Field(
                                NudgeForm.FREQUENCY,
                                "How often",
                                NudgeForm.Kind.CHOICE,
                                "weekly",
                                List.of(
                                        new NudgeForm.Option("daily", "Every workday"),
                                        new NudgeForm.Option("weekly", "Every week"),
                                        new NudgeForm.Option("monthly", "Every month")),
                                "",
                                20),
                        new NudgeForm.Field(
                                NudgeForm.TIME,
                                "Time of day",
                                NudgeForm.Kind.TEXT,
                                "10:00",
                                List.of(),
                                "HH:mm, 24-hour",
                                5),
                        new NudgeForm.Field(NudgeForm.ZONE, "Time zone", NudgeForm.Kind.TEXT, "", List.of(), "", 40)));
    }

    static NudgeFormOutcome.Saved saved(ChannelRef channel) {
        ChannelState state =
                ChannelState.of(channel, "general", NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN));
        return new NudgeFormOutcome.Saved(
                state, Reply.of(Language.EN, Reply.Delivery.PRIVATE, List.of(new Block.Text(SAVED))));
    }

    @Override
    public NudgeFormOutcome open(
            UserRef user, boolean platformAdmin, ChannelRef channel, Optional<Language> platformLanguage) {
        calls.add(new Call("open", user, platformAdmin, channel, Map.of(), platformLanguage));
        return platformAdmin ? new NudgeFormOutcome.Form(form(channel)) : new NudgeFormOutcome.Denied(DENIED);
    }

    @Override
    public NudgeFormOutcome submit(
            UserRef user,
            boolean platformAdmin,
            ChannelRef channel,
            Map<String, String> values,
            Optional<Language> platformLanguage) {
        calls.add(new Call("submit", user, platformAdmin, channel, Map.copyOf(values), platformLanguage));
        return submitOutcome;
    }
}
