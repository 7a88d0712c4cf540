package com.charterbot.teams;

import com.charterbot.core.home.ShowHome;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.charterbot.teams.Incoming.Scope;
import com.charterbot.teams.Incoming.Where;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot added to or removed from a conversation, and what happens to the teams and channels it is
 * in, told to {@link ChannelMembership}.
 *
 * <ul>
 *   <li>Added to a team or group chat: its conversation reference is saved and
 *       {@link ChannelMembership#joined} decides on a welcome. Added in a personal scope: the
 *       person's page, when a {@link ShowHome} is given.
 *   <li>Removed: the channel's nudges pause.
 *   <li>A channel renamed or deleted, a team archived, unarchived or deleted: told as such; the
 *       reference of what was deleted is forgotten.
 * </ul>
 */
final class InstallationUpdates {

    private final ChannelMembership membership;
    private final Optional<ShowHome> home;
    private final SavedReferences references;
    private final TeamsOutbox outbox;

    InstallationUpdates(
            ChannelMembership membership, Optional<ShowHome> home, SavedReferences references, TeamsOutbox outbox) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.home = Objects.requireNonNull(home, "home");
        this.references = Objects.requireNonNull(references, "references");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** A {@code conversationUpdate}: members added or removed (the bot among them), or a change of the team or its channels. */
    void onConversationUpdate(TurnContext turn, Activity activity, Where where) {
        String botId =
                activity.getRecipient() == null ? null : activity.getRecipient().getId();
        if (contains(activity.getMembersAdded(), botId)) {
            installed(turn, activity, where, true);
        }
        if (contains(activity.getMembersRemoved(), botId)) {
            removed(where);
        }
        TeamsChannelData data = Incoming.channelData(activity);
        String event = Incoming.eventType(activity);
        String channelId =
                data == null || data.getChannel() == null || data.getChannel().getId() == null
                        ? ""
                        : data.getChannel().getId();
        ChannelRef channel =
                channelId.isBlank() ? null : new ChannelRef(Platform.TEAMS, where.tenant(), Incoming.baseId(channelId));
        switch (event) {
            case "channelRenamed" -> {
                if (channel != null && data.getChannel().getName() != null) {
                    membership.renamed(channel, data.getChannel().getName());
                }
            }
            case "channelDeleted" -> {
                if (channel != null) {
                    membership.left(channel);
                    references.forget(channel);
                }
            }
            case "teamArchived" -> membership.archived(where.conversation());
            case "teamUnarchived" -> membership.unarchived(where.conversation());
            case "teamDeleted", "teamHardDeleted" -> {
                membership.left(where.conversation());
                references.forget(where.conversation());
            }
            default -> {}
        }
    }

    /** An {@code installationUpdate}: the app added or removed, upgrades included. */
    void onInstallationUpdate(TurnContext turn, Activity activity, Where where) {
        String action = activity.getAction() == null ? "" : activity.getAction();
        if (action.equals("add") || action.equals("add-upgrade")) {
            // Teams also sends a conversation update on install: joined() welcomes once, and the
            // personal page is only shown for the conversation update.
            installed(turn, activity, where, false);
        } else if (action.equals("remove") || action.equals("remove-upgrade")) {
            removed(where);
        }
    }

    private void installed(TurnContext turn, Activity activity, Where where, boolean showHome) {
        if (where.scope() == Scope.PERSONAL) {
            if (showHome && home.isPresent() && activity.getFrom() != null) {
                Reply page = home.get()
                        .home(Incoming.user(activity, where), Incoming.admin(activity), Incoming.language(activity));
                outbox.deliver(turn, where, page);
            }
            return;
        }
        references.save(activity, where);
        Optional<Reply> welcome = membership.joined(where.conversation(), where.name(), Incoming.language(activity));
        welcome.ifPresent(reply -> outbox.deliver(turn, where, reply));
    }

    private void removed(Where where) {
        if (where.scope() != Scope.PERSONAL) {
            membership.left(where.conversation());
        }
    }

    private static boolean contains(List<ChannelAccount> members, String id) {
        if (members == null || id == null) {
            return false;
        }
        return members.stream().anyMatch(member -> member != null && id.equals(member.getId()));
    }
}
