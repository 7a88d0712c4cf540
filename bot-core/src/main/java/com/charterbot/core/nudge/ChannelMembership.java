package com.charterbot.core.nudge;

import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import java.util.Optional;

/**
 * What the platform adapters report about the bot's place in channels: it joined one, left it,
 * the channel was archived, or the app was removed from a whole workspace or tenant. The core
 * decides what that means for the channel's nudges.
 */
public interface ChannelMembership {

    /**
     * The bot was added to a channel (or installed in a team or chat): the channel is registered
     * with the default nudge settings, or resumed when it was paused, whatever the reason (the bot
     * had left, the channel was archived, a nudge could not be posted): being added again is the
     * best sign the channel can be reached. The channel's own settings are kept when it is known.
     *
     * @param name the channel's display name, or empty when the platform does not tell it
     * @param language the language the platform reports for the place (a workspace or client
     *     locale), if any; the welcome falls back to the configured default language
     * @return the welcome to post in the channel; empty when the channel was already active (a
     *     repeated event must not post a second welcome)
     */
    Optional<Reply> joined(ChannelRef channel, String name, Optional<Language> language);

    /** The bot left or was removed from the channel: its nudges pause. Unknown channels are ignored. */
    void left(ChannelRef channel);

    /** The channel was archived: its nudges pause. Unknown channels are ignored. */
    void archived(ChannelRef channel);

    /** The channel was unarchived: nudges resume if they were paused by the archive, not otherwise. */
    void unarchived(ChannelRef channel);

    /** The channel was renamed: the new name is kept for administrators' lists. Unknown channels are ignored. */
    void renamed(ChannelRef channel, String name);

    /**
     * The app was uninstalled from a Slack workspace or a Teams tenant, or its tokens were revoked:
     * every active channel of that tenant is paused, so nothing is sent there any more; its settings
     * are kept for when the bot is added to it again.
     *
     * @return how many channels were paused
     */
    int uninstalled(Platform platform, String tenant);
}
