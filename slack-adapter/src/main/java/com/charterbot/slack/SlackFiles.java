package com.charterbot.slack;

import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Platform;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the pictures and files of replies ({@link Block.Picture}, {@link Block.File}) to the
 * person who asked, privately, in their direct messages with the bot: Slack's external upload
 * ({@code files.getUploadURLExternal}, the bytes posted to the address it gives, then
 * {@code files.completeUploadExternal} sharing them). Needs the {@code files:write} scope. Block Kit
 * has no widget for bytes, so {@link BlockKitRenderer} leaves these blocks out of the message and
 * this class sends them beside it.
 *
 * <p>Failures are logged (masked) and counted like every Web API call ({@link SlackOutbox}); the
 * reply's text, which holds the same figures, is posted whatever happens here. Upload addresses
 * are followed only to Slack's file hosts (and the Web API's host, for stand-ins).
 */
final class SlackFiles {

    private static final Logger log = LoggerFactory.getLogger(SlackFiles.class);

    /** Hosts Slack's upload addresses point at; anything else is not followed. */
    private static final Set<String> UPLOAD_HOSTS = Set.of("files.slack.com", "files.slack-gov.com");
    /** Slack's limit on an image's alternative text. */
    static final int MAX_ALT_TEXT = 1_000;

    private final SlackOutbox outbox;
    private final URI apiUrl;
    private final PlatformApiErrors apiErrors;

    SlackFiles(SlackOutbox outbox, String apiUrl, PlatformApiErrors apiErrors) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.apiUrl = URI.create(Objects.requireNonNull(apiUrl, "apiUrl"));
        this.apiErrors = Objects.requireNonNull(apiErrors, "apiErrors");
    }

    /** Whether any of these replies has something for this class to deliver. */
    static boolean any(List<Reply> replies) {
        return replies.stream().flatMap(reply -> reply.blocks().stream()).anyMatch(Block::isAttachment);
    }

    /**
     * Uploads every picture and file of these replies and shares them with the person, in one
     * message per reply: in {@code directChannel} when the person wrote in their direct messages with
     * the bot, else in the direct messages Slack opens for their user id.
     *
     * @param directChannel the {@code D...} channel they wrote in, or null when they wrote elsewhere
     * @return how many replies had their files shared
     */
    int share(WorkspaceBot bot, String user, String directChannel, List<Reply> replies) {
        int shared = 0;
        for (Reply reply : replies) {
            List<Block> attachments =
                    reply.blocks().stream().filter(Block::isAttachment).toList();
            if (!attachments.isEmpty() && shareOne(bot, user, directChannel, attachments)) {
                shared++;
            }
        }
        return shared;
    }

    private boolean shareOne(WorkspaceBot bot, String user, String directChannel, List<Block> attachments) {
        List<FilesCompleteUploadExternalRequest.FileDetails> uploaded = new ArrayList<>();
        for (Block attachment : attachments) {
            upload(bot, attachment).ifPresent(uploaded::add);
        }
        if (uploaded.isEmpty()) {
            return false;
        }
        return outbox.call(
                        "files.completeUploadExternal",
                        () -> outbox.methods(bot).filesCompleteUploadExternal(r -> {
                            r.files(uploaded);
                            if (directChannel != null) {
                                r.channelId(directChannel);
                            } else {
                                r.channels(List.of(user));
                            }
                            return r;
                        }))
                .isPresent();
    }

    /** Asks Slack where to send one file, sends it there; the file's id and title once Slack has it. */
    private Optional<FilesCompleteUploadExternalRequest.FileDetails> upload(WorkspaceBot bot, Block attachment) {
        String name;
        String title;
        String altText;
        String mediaType;
        byte[] content;
        if (attachment instanceof Block.Picture picture) {
            name = picture.fileName();
            title = picture.description();
            altText = BlockKitRenderer.truncate(picture.description(), MAX_ALT_TEXT);
            mediaType = "image/png";
            content = picture.png();
        } else if (attachment instanceof Block.File file) {
            name = file.fileName();
            title = file.description();
            altText = null;
            mediaType = file.mediaType();
            content = file.content();
        } else {
            throw new IllegalArgumentException("not an attachment: " + attachment);
        }
        Optional<FilesGetUploadURLExternalResponse> target = outbox.call(
                "files.getUploadURLExternal",
                () -> outbox.methods(bot)
                        .filesGetUploadURLExternal(
                                r -> r.filename(name).length(content.length).altTxt(altText)));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String address = target.get().getUploadUrl();
        String fileId = target.get().getFileId();
        if (fileId == null || fileId.isBlank() || !isUploadUrl(address)) {
            log.warn(
                    "Slack files.getUploadURLExternal gave no file id or an upload address off Slack's file hosts; nothing sent");
            count("other");
            return Optional.empty();
        }
        if (!post(bot, address, mediaType, content)) {
            return Optional.empty();
        }
        return Optional.of(FilesCompleteUploadExternalRequest.FileDetails.builder()
                .id(fileId)
                .title(BlockKitRenderer.truncate(title, 250))
                .build());
    }

    /** Posts the bytes to the upload address; Slack answers 200 once it has them. */
    private boolean post(WorkspaceBot bot, String address, String mediaType, byte[] content) {
        Request request = new Request.Builder()
                .url(address)
                .post(RequestBody.create(content, MediaType.parse(mediaType)))
                .build();
        try (Response response = outbox.methods(bot)
                .getSlackHttpClient()
                .getOkHttpClient()
                .newCall(request)
                .execute()) {
            if (response.code() != 200) {
                log.warn("Slack file upload answered HTTP {}", response.code());
                count(String.valueOf(response.code()));
                return false;
            }
            return true;
        } catch (InterruptedIOException e) {
            log.warn("Slack file upload timed out");
            count("timeout");
            return false;
        } catch (IOException | RuntimeException e) {
            log.warn("Slack file upload failed: {}", e.getClass().getSimpleName());
            count(e instanceof IOException ? "network" : "other");
            return false;
        }
    }

    /** An HTTPS address on Slack's file hosts, or on the Web API's host and port (a stand-in's); no user info. */
    boolean isUploadUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (uri.getRawUserInfo() != null) {
                return false;
            }
            if ("https".equalsIgnoreCase(uri.getScheme()) && UPLOAD_HOSTS.contains(host)) {
                return true;
            }
            return Objects.equals(uri.getScheme(), apiUrl.getScheme())
                    && host.equalsIgnoreCase(apiUrl.getHost())
                    && uri.getPort() == apiUrl.getPort();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void count(String status) {
        apiErrors.count(Platform.SLACK, status);
    }
}
