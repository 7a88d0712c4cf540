package com.charterbot.core.nudge;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the channel store in step with where the bot is: a channel it joins is registered with
 * the default nudges (or resumed), one it leaves or that is archived is paused, and so is every
 * channel of a workspace or tenant the app was uninstalled from.
 *
 * <p>Pauses store the same short codes Slack answers when a nudge cannot be posted
 * ({@value #REASON_LEFT}, {@value #REASON_ARCHIVED}), so that a channel paused by a failed send and
 * one paused by the platform's event are treated alike: unarchiving resumes both.
 * {@link ChannelLabels#pauseReason} turns the codes into words for administrators.
 *
 * <p>A new channel gets the default settings as they are, including their language; only the
 * welcome is written in the language the platform reports for the place, when it reports one.
 */
public final class ChannelMembershipService implements ChannelMembership {

    /** The pause reason of a channel the bot left or was removed from. */
    public static final String REASON_LEFT = "not_in_channel";
    /** The pause reason of an archived channel. */
    public static final String REASON_ARCHIVED = "is_archived";
    /** The pause reason of the channels of a workspace or tenant the app was uninstalled from (Slack's event name). */
    public static final String REASON_UNINSTALLED = "app_uninstalled";

    /** Channel names are kept up to this length; Slack's and Teams' own limits are far lower. */
    static final int MAX_STORED_NAME = 200;

    private final ChannelStore channels;
    private final NudgeSettings defaults;

    /** @param defaults the nudges of a channel the bot joins for the first time */
    public ChannelMembershipService(ChannelStore channels, NudgeSettings defaults) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    @Override
    public Optional<Reply> joined(ChannelRef channel, String name, Optional<Language> language) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        String cleanName = clean(name);
        Language in = language.orElse(defaults.language());
        Optional<ChannelState> known = channels.find(channel);
        if (known.isEmpty()) {
            ChannelState state = ChannelState.of(channel, cleanName, defaults);
            channels.save(state);
            return Optional.of(welcome(state, in));
        }
        ChannelState state = known.get();
        ChannelState updated = cleanName.isEmpty() ? state : state.withName(cleanName);
        if (state.status() == ChannelState.Status.PAUSED) {
            updated = updated.resumed();
            channels.save(updated);
            return Optional.of(welcomeBack(updated, in));
        }
        if (!updated.equals(state)) {
            channels.save(updated);
        }
        return Optional.empty();
    }

    @Override
    public void left(ChannelRef channel) {
        pause(channel, REASON_LEFT);
    }

    /** Pauses the channel, unless the bot already left it: unarchiving would not bring the bot back. */
    @Override
    public void archived(ChannelRef channel) {
        Optional<ChannelState> known = channels.find(Objects.requireNonNull(channel, "channel"));
        if (known.isPresent() && !pausedFor(known.get(), REASON_LEFT)) {
            pause(channel, REASON_ARCHIVED);
        }
    }

    @Override
    public void unarchived(ChannelRef channel) {
        channels.find(Objects.requireNonNull(channel, "channel"))
                .filter(state -> pausedFor(state, REASON_ARCHIVED))
                .ifPresent(state -> channels.save(state.resumed()));
    }

    /** A blank name is ignored: the channel keeps the one it had. */
    @Override
    public void renamed(ChannelRef channel, String name) {
        String cleanName = clean(name);
        if (cleanName.isEmpty()) {
            return;
        }
        channels.find(Objects.requireNonNull(channel, "channel"))
                .filter(state -> !state.name().equals(cleanName))
                .ifPresent(state -> channels.save(state.withName(cleanName)));
    }

    @Override
    public int uninstalled(Platform platform, String tenant) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tenant, "tenant");
        int paused = 0;
        for (ChannelState state : channels.all()) {
            ChannelRef channel = state.channel();
            if (channel.platform() == platform
                    && channel.tenant().equals(tenant)
                    && state.status() == ChannelState.Status.ACTIVE) {
                channels.save(state.paused(REASON_UNINSTALLED));
                paused++;
            }
        }
        return paused;
    }

    private void pause(ChannelRef channel, String reason) {
        channels.find(Objects.requireNonNull(channel, "channel"))
                .filter(state -> !pausedFor(state, reason))
                .ifPresent(state -> channels.save(state.paused(reason)));
    }

    private static boolean pausedFor(ChannelState state, String reason) {
        return state.status() == ChannelState.Status.PAUSED
                && state.pauseReason().equals(reason);
    }

    /** Stripped and bounded: names come from the platform and end up in administrators' lists. */
    private static String clean(String name) {
        String stripped = name == null ? "" : name.strip();
        return stripped.length() <= MAX_STORED_NAME ? stripped : stripped.substring(0, MAX_STORED_NAME);
    }

    private static Reply welcome(ChannelState state, Language in) {
        Platform platform = state.channel().platform();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(Messages.get(in, "nudges.welcome.heading")));
        blocks.add(new Block.Text(Messages.get(in, "nudges.welcome.intro")));
        blocks.add(new Block.Text(Messages.get(
                in, platform == Platform.SLACK ? "nudges.welcome.ask.slack" : "nudges.welcome.ask.teams")));
        blocks.add(new Block.Checklist(
                Messages.get(in, "commands.nudges.current"),
                List.of(state.settings().describe(in))));
        blocks.add(new Block.Context(Messages.get(in, "nudges.welcome.admin", nudgesCommand(platform))));
        return Reply.of(in, Reply.Delivery.CONVERSATION, blocks);
    }

    private static Reply welcomeBack(ChannelState state, Language in) {
        return Reply.of(
                in,
                Reply.Delivery.CONVERSATION,
                List.of(
                        new Block.Heading(Messages.get(in, "nudges.welcome.back.heading")),
                        new Block.Text(Messages.get(in, "nudges.welcome.back.text")),
                        new Block.Checklist(
                                Messages.get(in, "commands.nudges.current"),
                                List.of(state.settings().describe(in))),
                        new Block.Context(Messages.get(
                                in,
                                "nudges.welcome.admin",
                                nudgesCommand(state.channel().platform())))));
    }

    /** The administrators' command as typed on the platform. */
    private static String nudgesCommand(Platform platform) {
        return platform == Platform.SLACK ? "/charter nudges" : "@Charter nudges";
    }
}
