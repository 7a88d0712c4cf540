package com.charterbot.slack;

import com.charterbot.core.experts.ExpertsMessenger;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experts' desk on Slack: the card with {@code chat.postMessage} in the experts' channel, its
 * update with {@code chat.update}, the answer in the asker's DM with the bot ({@code chat.postMessage}
 * to the user id), each with the token of the workspace's installation. Never throws; logs the
 * Slack error code alone, never content.
 */
final class SlackExpertsMessenger implements ExpertsMessenger {

    private static final Logger log = LoggerFactory.getLogger(SlackExpertsMessenger.class);

    private final Slack slack;
    private final BotTokens tokens;
    private final BlockKitRenderer renderer;
    private final Redaction redaction;

    SlackExpertsMessenger(Slack slack, BotTokens tokens, BlockKitRenderer renderer, Redaction redaction) {
        this.slack = Objects.requireNonNull(slack, "slack");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.redaction = Objects.requireNonNull(redaction, "redaction");
    }

    @Override
    public Posted post(ChannelRef channel, Reply card) {
        try {
            Optional<MethodsClient> methods = methods(channel.tenant());
            if (methods.isEmpty()) {
                return new Posted.Failed("not installed");
            }
            ChatPostMessageResponse response = methods.get()
                    .chatPostMessage(r -> r.channel(channel.channelId())
                            .blocks(renderer.render(card))
                            .text(renderer.fallbackText(card)));
            if (response.isOk() && response.getTs() != null) {
                return new Posted.Done(response.getTs());
            }
            log.warn("Slack refused the experts' card: {}", response.getError());
            return new Posted.Failed(String.valueOf(response.getError()));
        } catch (Exception e) {
            log.warn("Posting the experts' card failed: {}", redaction.describe(e));
            return new Posted.Failed("error");
        }
    }

    @Override
    public boolean update(ChannelRef channel, String cardId, Reply card) {
        try {
            Optional<MethodsClient> methods = methods(channel.tenant());
            if (methods.isEmpty()) {
                return false;
            }
            ChatUpdateResponse response = methods.get()
                    .chatUpdate(r -> r.channel(channel.channelId())
                            .ts(cardId)
                            .blocks(renderer.render(card))
                            .text(renderer.fallbackText(card)));
            if (!response.isOk()) {
                log.warn("Slack refused to update the experts' card: {}", response.getError());
            }
            return response.isOk();
        } catch (Exception e) {
            log.warn("Updating the experts' card failed: {}", redaction.describe(e));
            return false;
        }
    }

    @Override
    public boolean tell(UserRef person, ChannelRef sameTenant, Reply message) {
        try {
            Optional<MethodsClient> methods = methods(person.tenant());
            if (methods.isEmpty()) {
                return false;
            }
            ChatPostMessageResponse response = methods.get()
                    .chatPostMessage(r -> r.channel(person.userId())
                            .blocks(renderer.render(message))
                            .text(renderer.fallbackText(message)));
            if (!response.isOk()) {
                log.warn("Slack refused the answer to the asker: {}", response.getError());
            }
            return response.isOk();
        } catch (Exception e) {
            log.warn("Sending the answer to the asker failed: {}", redaction.describe(e));
            return false;
        }
    }

    private Optional<MethodsClient> methods(String team) {
        return tokens.forWorkspace(team).map(bot -> slack.methods(bot.token()));
    }

    @Override
    public String toString() {
        return "SlackExpertsMessenger[chat.postMessage, chat.update]";
    }
}
