package com.charterbot.teams;

import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.teams.FileConsentCard;
import com.microsoft.bot.schema.teams.FileInfoCard;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files for the person to keep ({@link Block.File}, such as the statistics' CSV export), the way
 * Teams lets a bot send them in a personal chat without Microsoft Graph: a file consent card first;
 * when the person accepts, Teams sends a {@code fileConsent/invoke} with an address in their
 * OneDrive, the bot puts the file there and posts a file card that opens it.
 *
 * <p>The card's accept context is the file's {@link Block.File#again() again} action, not the file:
 * on acceptance the core makes the same file again (and checks again that the person may have it),
 * so any replica can answer the invoke, and nothing is kept in between. A file without such an
 * action is not offered.
 *
 * <p>Uploads go only to HTTPS addresses; plain HTTP to the machine itself only with authentication
 * off (the Bot Framework Emulator, tests).
 */
final class TeamsFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsFiles.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The invoke Teams sends when the person accepts or declines a file consent card. */
    static final String CONSENT_INVOKE = "fileConsent/invoke";

    /** What an accepted card asks the core for, read back from the invoke. */
    record Accepted(
            String actionId,
            String value,
            String uploadUrl,
            String contentUrl,
            String name,
            String uniqueId,
            String fileType) {}

    private final TeamsSettings settings;
    private final HttpClient http;
    private final Duration timeout;

    TeamsFiles(TeamsSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A file consent card for each file of the reply that can be made again. */
    List<Attachment> consentCards(Reply reply) {
        List<Attachment> cards = new ArrayList<>();
        for (Block block : reply.blocks()) {
            if (block instanceof Block.File file && file.again().isPresent()) {
                Button again = file.again().get();
                ObjectNode context = JSON.objectNode()
                        .put(AdaptiveCardRenderer.DATA_ACTION_ID, again.actionId())
                        .put(AdaptiveCardRenderer.DATA_VALUE, again.value());
                FileConsentCard card = new FileConsentCard();
                card.setDescription(AdaptiveCardRenderer.truncate(file.description(), 1_000));
                card.setSizeInBytes(file.size());
                card.setAcceptContext(context);
                card.setDeclineContext(context);
                Attachment attachment = new Attachment();
                attachment.setContentType(FileConsentCard.CONTENT_TYPE);
                attachment.setName(file.fileName());
                attachment.setContent(card);
                cards.add(attachment);
            }
        }
        return cards;
    }

    /** The accepted card's action and where to put the file; empty for a declined card or a card the bot did not send. */
    static Optional<Accepted> accepted(JsonNode value) {
        if (value == null || !"accept".equals(value.path("action").asText())) {
            return Optional.empty();
        }
        JsonNode context = value.path("context");
        JsonNode upload = value.path("uploadInfo");
        String actionId = context.path(AdaptiveCardRenderer.DATA_ACTION_ID).asText("");
        String uploadUrl = upload.path("uploadUrl").asText("");
        if (actionId.isBlank() || !context.path(AdaptiveCardRenderer.DATA_VALUE).isTextual() || uploadUrl.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Accepted(
                actionId,
                context.path(AdaptiveCardRenderer.DATA_VALUE).asText(),
                uploadUrl,
                upload.path("contentUrl").asText(""),
                upload.path("name").asText(""),
                upload.path("uniqueId").asText(""),
                upload.path("fileType").asText("")));
    }

    /** The first file among the core's replies to an accepted card. */
    static Optional<Block.File> file(List<Reply> replies) {
        return replies.stream()
                .flatMap(reply -> reply.blocks().stream())
                .filter(Block.File.class::isInstance)
                .map(Block.File.class::cast)
                .findFirst();
    }

    /** Puts the file at the address Teams gave, in one request; whether Teams took it. */
    boolean upload(Accepted accepted, Block.File file) {
        if (!allowed(accepted.uploadUrl())) {
            LOG.warn("Teams file upload refused: the upload address is not HTTPS");
            return false;
        }
        byte[] content = file.content();
        HttpRequest request = HttpRequest.newBuilder(URI.create(accepted.uploadUrl()))
                .timeout(timeout)
                .header("Content-Range", "bytes 0-" + (content.length - 1) + "/" + content.length)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200 && status != 201) {
                LOG.warn("Teams file upload answered HTTP {}", status);
                return false;
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Teams file upload failed: {}", e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The message with the card that opens the uploaded file. */
    static Activity fileCard(Accepted accepted) {
        FileInfoCard info = new FileInfoCard();
        info.setUniqueId(accepted.uniqueId());
        info.setFileType(accepted.fileType());
        Attachment attachment = new Attachment();
        attachment.setContentType(FileInfoCard.CONTENT_TYPE);
        attachment.setContentUrl(accepted.contentUrl());
        attachment.setName(accepted.name());
        attachment.setContent(info);
        Activity activity = Activity.createMessageActivity();
        activity.setAttachments(List.of(attachment));
        return activity;
    }

    private boolean allowed(String address) {
        try {
            URI uri = new URI(address);
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                return false;
            }
            if ("https".equalsIgnoreCase(uri.getScheme())) {
                return true;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
            return "http".equalsIgnoreCase(uri.getScheme()) && loopback && !settings.authenticationEnabled();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
