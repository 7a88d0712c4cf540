package com.charterbot.teams;

import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.nudge.NudgeForm;
import com.charterbot.core.nudge.NudgeFormOutcome;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Small hand-written stand-ins for the core's ports the adapter calls besides the conversation. */
final class Fakes {

    private Fakes() {}

    /** Welcomes a channel the first time and after it was left; records every call as text. */
    static final class Membership implements ChannelMembership {
        static final String WELCOME = "Welcome fixture";
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> active = Collections.synchronizedSet(new HashSet<>());

        @Override
        public Optional<Reply> joined(ChannelRef channel, String name, Optional<Language> language) {
            calls.add("joined " + channel.channelId() + " " + name);
            if (!active.add(channel.key())) {
                return Optional.empty();
            }
            Language in = language.orElse(Language.EN);
            return Optional.of(
                    Reply.of(in, Reply.Delivery.CONVERSATION, List.of(new Block.Heading(WELCOME + " " + in.tag()))));
        }

        @Override
        public void left(ChannelRef channel) {
            calls.add("left " + channel.channelId());
            active.remove(channel.key());
        }

        @Override
        public void archived(ChannelRef channel) {
            calls.add("archived " + channel.channelId());
        }

        @Override
        public void unarchived(ChannelRef channel) {
            calls.add("unarchived " + channel.channelId());
        }

        @Override
        public void renamed(ChannelRef channel, String name) {
            calls.add("renamed " + channel.channelId() + " " + name);
        }

        @Override
        public int uninstalled(Platform platform, String tenant) {
            calls.add("uninstalled " + tenant);
            return 0;
        }
    }

    /** A two-field form (frequency, time); a time not shaped HH:mm is rejected. Administrators: {@code admins}. */
    static final class Nudges implements EditNudges {
        static final String TIME_ERROR = "Use HH:mm, e.g. 09:30";
        static final String DENIED = "Only charter administrators can change nudges.";
        static final String SAVED = "Nudges saved fixture";
        final List<Map<String, String>> submitted = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> admins;

        Nudges(Set<String> admins) {
            this.admins = admins;
        }

        @Override
        public NudgeFormOutcome open(
                UserRef user, boolean platformAdmin, ChannelRef channel, Optional<Language> platformLanguage) {
            if (!admins.contains(user.userId()) && !platformAdmin) {
                return new NudgeFormOutcome.Denied(DENIED);
            }
            return new NudgeFormOutcome.Form(form(channel, "WEEKLY", "10:00"));
        }

        @Override
        public NudgeFormOutcome submit(
                UserRef user,
                boolean platformAdmin,
                ChannelRef channel,
                Map<String, String> values,
                Optional<Language> platformLanguage) {
            submitted.add(new HashMap<>(values));
            if (!admins.contains(user.userId()) && !platformAdmin) {
                return new NudgeFormOutcome.Denied(DENIED);
            }
            String time = values.getOrDefault(NudgeForm.TIME, "");
            String frequency = values.getOrDefault(NudgeForm.FREQUENCY, "");
            if (!time.matches("\\d{2}:\\d{2}")) {
                return new NudgeFormOutcome.Rejected(
                        form(channel, frequency, time), Map.of(NudgeForm.TIME, TIME_ERROR));
            }
            ChannelState state =
                    ChannelState.of(channel, "", NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN));
            return new NudgeFormOutcome.Saved(
                    state,
                    Reply.of(
                            Language.EN,
                            Reply.Delivery.REPLACE_ORIGINAL,
                            List.of(new Block.Text(SAVED + " " + frequency + " " + time))));
        }

        static NudgeForm form(ChannelRef channel, String frequency, String time) {
            return new NudgeForm(
                    Language.EN,
                    channel,
                    "Nudges in General",
                    "Save",
                    "Cancel",
                    List.of(
                            new NudgeForm.Field(
                                    NudgeForm.FREQUENCY,
                                    "How often",
                                    NudgeForm.Kind.CHOICE,
                                    frequency,
                                    List.of(
                                            new NudgeForm.Option("WEEKLY", "Every week"),
                                            new NudgeForm.Option("OFF", "Never")),
                                    "",
                                    20),
                            new NudgeForm.Field(
                                    NudgeForm.TIME,
                                    "Time",
                                    NudgeForm.Kind.TEXT,
                                    time,
                                    List.of(),
                                    "HH:mm, 24-hour",
                                    5)));
        }
    }

    /** Remembers keys in memory; {@link #down} makes it fail as a database that cannot be reached. */
    static final class Seen implements SeenEvents {
        private final Set<String> keys = Collections.synchronizedSet(new HashSet<>());
        volatile boolean down;

        @Override
        public boolean firstTime(String key, Instant at) {
            if (down) {
                throw new IllegalStateException("the seen events' store cannot be reached");
            }
            if (key.length() > 200) {
                throw new IllegalArgumentException("key over 200 characters: " + key.length());
            }
            return keys.add(key);
        }

        @Override
        public int forgetBefore(Instant before) {
            return 0;
        }
    }
}
