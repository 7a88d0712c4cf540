package com.charterbot.teams;

import com.charterbot.core.experts.ExpertsMessenger;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experts' desk on Teams, through the conversation reference kept for the experts' channel
 * ({@link ConversationReferences}): the card is sent there with {@code continueConversation}, updated
 * with {@code updateActivity}; the answer goes to the asker's personal chat, opened with the Bot
 * Connector's {@code createConversation} at the channel's service URL (same tenant). The service
 * URL must be on the allow-list. Never throws; logs no content.
 */
public final class TeamsExpertsMessenger implements ExpertsMessenger {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsExpertsMessenger.class);

    private final BotFrameworkAdapter adapter;
    private final TeamsSettings settings;
    private final ConversationReferences references;
    private final AdaptiveCardRenderer renderer;
    private final Duration timeout;

    public TeamsExpertsMessenger(
            TeamsAdapter adapter, ConversationReferences references, AdaptiveCardRenderer renderer, Duration timeout) {
        this.adapter = Objects.requireNonNull(adapter, "adapter").botFramework();
        this.settings = adapter.settings();
        this.references = Objects.requireNonNull(references, "references");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Posted post(ChannelRef channel, Reply card) {
        AtomicReference<String> id = new AtomicReference<>();
        Optional<String> problem = inConversation(
                channel,
                turn -> turn.sendActivity(activity(card)).thenAccept(sent -> {
                    if (sent != null) {
                        id.set(sent.getId());
                    }
                }));
        if (problem.isPresent()) {
            return new Posted.Failed(problem.get());
        }
        return id.get() == null ? new Posted.Failed("no activity id") : new Posted.Done(id.get());
    }

    @Override
    public boolean update(ChannelRef channel, String cardId, Reply card) {
        Activity updated = activity(card);
        updated.setId(cardId);
        return inConversation(channel, turn -> turn.updateActivity(updated).thenApply(done -> null))
                .isEmpty();
    }

    @Override
    public boolean tell(UserRef person, ChannelRef sameTenant, Reply message) {
        if (person.platform() != Platform.TEAMS || !person.tenant().equals(sameTenant.tenant())) {
            return false;
        }
        return inConversation(sameTenant, turn -> {
                    ConnectorClient connector = turn.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
                    if (connector == null) {
                        return CompletableFuture.failedFuture(new IllegalStateException("no connector client"));
                    }
                    ConversationParameters parameters = new ConversationParameters();
                    parameters.setIsGroup(false);
                    parameters.setMembers(List.of(new ChannelAccount(person.userId())));
                    parameters.setTenantId(person.tenant());
                    TeamsChannelData data = new TeamsChannelData();
                    data.setTenant(new TenantInfo(person.tenant()));
                    parameters.setChannelData(data);
                    return connector
                            .getConversations()
                            .createConversation(parameters)
                            .thenCompose((ConversationResourceResponse chat) ->
                                    connector.getConversations().sendToConversation(chat.getId(), activity(message)))
                            .thenApply((ResourceResponse sent) -> null);
                })
                .isEmpty();
    }

    /** Runs {@code work} in the stored conversation; why it could not, or empty when it went through. */
    private Optional<String> inConversation(
            ChannelRef channel, java.util.function.Function<TurnContext, CompletableFuture<?>> work) {
        try {
            if (channel.platform() != Platform.TEAMS) {
                return Optional.of("not a Teams conversation");
            }
            Optional<StoredReference> stored = references.find(channel);
            if (stored.isEmpty()) {
                return Optional.of("no conversation reference: the bot is not in the experts' channel");
            }
            ConversationReference reference = Serialization.treeToValue(
                    Serialization.jsonToTree(stored.get().json()), ConversationReference.class);
            if (reference == null
                    || reference.getServiceUrl() == null
                    || !settings.allowsServiceUrl(reference.getServiceUrl())) {
                return Optional.of("unusable conversation reference");
            }
            adapter.continueConversation(
                            settings.appId(),
                            reference,
                            turn -> work.apply(turn).thenApply(done -> null))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (Exception e) {
            String why = ConnectorErrors.describe(e);
            LOG.warn("Teams experts' message failed: {}", why);
            return Optional.of(why);
        }
    }

    private Activity activity(Reply reply) {
        return AdaptiveCardRenderer.message(renderer.card(reply), reply.fallbackText());
    }

    @Override
    public String toString() {
        return "TeamsExpertsMessenger[continueConversation, createConversation]";
    }
}
