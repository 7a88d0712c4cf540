package com.charterbot.teams;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.teams.Incoming.Scope;
import com.charterbot.teams.Incoming.Where;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the conversation reference of each team channel and group chat the bot is installed in or
 * hears from, so that nudges can reach it later ({@link ConversationReferences}). The reference
 * names the channel itself, not a thread, and not the person who wrote; personal chats are not kept.
 */
final class SavedReferences {

    private final ConversationReferences references;
    private final Clock clock;

    SavedReferences(ConversationReferences references, Clock clock) {
        this.references = Objects.requireNonNull(references, "references");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Saves the conversation's reference when it changed: called on every activity there. */
    void refresh(Activity activity, Where where) {
        save(activity, where, false);
    }

    /** Saves the conversation's reference even when it is as stored: the bot was just installed there. */
    void save(Activity activity, Where where) {
        save(activity, where, true);
    }

    /** Forgets the reference of a conversation the bot can no longer reach (a deleted channel or team). */
    void forget(ChannelRef conversation) {
        references.forget(conversation);
    }

    private void save(Activity activity, Where where, boolean always) {
        if (where.scope() == Scope.PERSONAL || activity.getServiceUrl() == null) {
            return;
        }
        ConversationReference reference = new ConversationReference();
        reference.setChannelId(activity.getChannelId());
        reference.setServiceUrl(activity.getServiceUrl());
        ChannelAccount bot = activity.getRecipient() == null
                ? null
                : new ChannelAccount(
                        activity.getRecipient().getId(), activity.getRecipient().getName());
        reference.setBot(bot);
        ConversationAccount conversation = new ConversationAccount();
        conversation.setId(where.conversation().channelId());
        conversation.setConversationType(where.scope() == Scope.CHANNEL ? "channel" : "groupChat");
        conversation.setIsGroup(true);
        conversation.setTenantId(where.tenant());
        reference.setConversation(conversation);
        String json = Serialization.toStringSilent(reference);
        if (json == null) {
            return;
        }
        StoredReference.Scope scope =
                where.scope() == Scope.CHANNEL ? StoredReference.Scope.CHANNEL : StoredReference.Scope.GROUP_CHAT;
        if (!always) {
            Optional<StoredReference> stored = references.find(where.conversation());
            if (stored.isPresent() && stored.get().json().equals(json)) {
                return;
            }
        }
        references.save(
                new StoredReference(where.conversation(), scope, activity.getServiceUrl(), json, clock.instant()));
    }
}
