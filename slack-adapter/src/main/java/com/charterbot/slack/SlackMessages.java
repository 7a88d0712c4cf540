package com.charterbot.slack;

import com.charterbot.core.chat.Converse;
import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.text.UserText;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Media;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.model.File;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageMeEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people write to the bot, as the Events API delivers it, turned into the core's
 * {@link Message}s; runs in the background, after the event was acknowledged.
 *
 * <ul>
 *   <li>{@code app_mention}: a {@code MENTION} without the bot's mention (and without other people's
 *       mentions that only lead the message: "@Alice @Charter quiz" is "quiz"); replies in the
 *       thread, private ones as {@code chat.postEphemeral}.
 *   <li>{@code message} in a DM ({@code channel_type: im}): a {@code DIRECT} message, replies in
 *       the DM. Subtypes that carry a person's own text count too: {@code file_share} (a message with
 *       a file; an image makes {@link Message#imageAttached()} true), {@code thread_broadcast},
 *       {@code me_message}. Bots' messages, the bot's own and every other subtype are ignored.
 *   <li>{@code message_changed} of a DM the bot answered less than {@link RepliedMessages#KEPT} ago:
 *       the new text is answered by updating the bot's reply in place ({@code chat.update}); an
 *       unfurl or any change that leaves the text as it was is ignored.
 * </ul>
 *
 * <p>The {@code ts} of the bot's first public reply to a message is kept ({@link RepliedMessages}),
 * never the text.
 */
final class SlackMessages {

    private static final Logger log = LoggerFactory.getLogger(SlackMessages.class);
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:[\\s\\p{Z}]*<@[A-Z0-9]+(?:\\|[^<>]*)?>)+");

    private final Converse converse;
    private final RepliedMessages replies;
    private final Clock clock;
    private final WorkspaceAdmins admins;
    private final SlackOutbox outbox;
    private final SlackFiles files;

    SlackMessages(
            Converse converse,
            RepliedMessages replies,
            Clock clock,
            WorkspaceAdmins admins,
            SlackOutbox outbox,
            SlackFiles files) {
        this.converse = Objects.requireNonNull(converse, "converse");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.admins = Objects.requireNonNull(admins, "admins");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.files = Objects.requireNonNull(files, "files");
    }

    /** A person's message, whichever event carried it. */
    private record Written(
            WorkspaceBot bot, String user, String channel, String text, String ts, String threadTs, boolean image) {
        Written {
            text = text == null ? "" : text;
        }
    }

    // ----- mentions -----

    void mention(EventsApiPayload<AppMentionEvent> payload, WorkspaceBot bot) {
        String botUserId = bot.botUserId();
        AppMentionEvent event = payload.getEvent();
        String user = event.getUser();
        if (event.getBotId() != null || isBlank(user) || user.equals(botUserId) || isBlank(event.getChannel())) {
            return;
        }
        Written written = new Written(
                bot,
                user,
                event.getChannel(),
                withoutMention(event.getText(), botUserId),
                event.getTs(),
                event.getThreadTs() != null ? event.getThreadTs() : event.getTs(),
                hasImage(event.getFiles()));
        List<Reply> answer = converse.onMessage(message(written, Message.Origin.MENTION));
        if (event.getEdited() != null && updatedInPlace(written, answer)) {
            return;
        }
        deliver(written, answer, false);
    }

    // ----- direct messages -----

    void direct(EventsApiPayload<MessageEvent> payload, WorkspaceBot bot) {
        MessageEvent event = payload.getEvent();
        direct(
                bot.botUserId(),
                event.getChannelType(),
                event.getBotId(),
                new Written(
                        bot,
                        event.getUser(),
                        event.getChannel(),
                        event.getText(),
                        event.getTs(),
                        event.getThreadTs(),
                        hasImage(event.getFiles())));
    }

    void fileShared(EventsApiPayload<MessageFileShareEvent> payload, WorkspaceBot bot) {
        MessageFileShareEvent event = payload.getEvent();
        direct(
                bot.botUserId(),
                event.getChannelType(),
                null,
                new Written(
                        bot,
                        event.getUser(),
                        event.getChannel(),
                        event.getText(),
                        event.getTs(),
                        event.getThreadTs(),
                        hasImage(event.getFiles())));
    }

    void broadcast(EventsApiPayload<MessageThreadBroadcastEvent> payload, WorkspaceBot bot) {
        MessageThreadBroadcastEvent event = payload.getEvent();
        direct(
                bot.botUserId(),
                event.getChannelType(),
                null,
                new Written(
                        bot,
                        event.getUser(),
                        event.getChannel(),
                        event.getText(),
                        event.getTs(),
                        event.getThreadTs(),
                        false));
    }

    void me(EventsApiPayload<MessageMeEvent> payload, WorkspaceBot bot) {
        MessageMeEvent event = payload.getEvent();
        direct(
                bot.botUserId(),
                event.getChannelType(),
                event.getBotId(),
                new Written(bot, event.getUser(), event.getChannel(), event.getText(), event.getTs(), null, false));
    }

    private void direct(String botUserId, String channelType, String botId, Written written) {
        if (!"im".equals(channelType)
                || botId != null
                || isBlank(written.user())
                || written.user().equals(botUserId)
                || isBlank(written.channel())) {
            return;
        }
        deliver(written, converse.onMessage(message(written, Message.Origin.DIRECT)), true);
    }

    // ----- edits -----

    void edited(EventsApiPayload<MessageChangedEvent> payload, WorkspaceBot bot) {
        String botUserId = bot.botUserId();
        MessageChangedEvent event = payload.getEvent();
        MessageChangedEvent.Message changed = event.getMessage();
        if (!"im".equals(event.getChannelType())
                || changed == null
                || changed.getBotId() != null
                || isBlank(changed.getUser())
                || changed.getUser().equals(botUserId)
                || isBlank(event.getChannel())
                || isBlank(changed.getTs())) {
            return;
        }
        String before =
                event.getPreviousMessage() == null || event.getPreviousMessage().getMessage() == null
                        ? null
                        : event.getPreviousMessage().getMessage().getText();
        if (Objects.equals(before, changed.getText())) {
            // An unfurl, a reaction, a thread reply count: the question itself did not change.
            return;
        }
        Written written = new Written(
                bot,
                changed.getUser(),
                event.getChannel(),
                changed.getText(),
                changed.getTs(),
                changed.getThreadTs(),
                hasImage(changed.getFiles()));
        if (replies.replyTo(conversation(written), written.ts(), clock.instant())
                .isEmpty()) {
            log.debug("Slack edit of a message without a known reply, ignored");
            return;
        }
        updatedInPlace(written, converse.onMessage(message(written, Message.Origin.DIRECT)));
    }

    /**
     * Puts the first public reply of {@code answer} in place of the bot's earlier reply to the same
     * message and posts the others after it; false when there was no earlier reply to replace.
     */
    private boolean updatedInPlace(Written written, List<Reply> answer) {
        Optional<String> earlier = replies.replyTo(conversation(written), written.ts(), clock.instant());
        Optional<Reply> first = answer.stream()
                .filter(reply -> reply.delivery() != Reply.Delivery.PRIVATE)
                .findFirst();
        if (earlier.isEmpty() || first.isEmpty()) {
            return false;
        }
        outbox.update(written.bot(), written.channel(), earlier.get(), first.get());
        for (Reply reply : answer) {
            if (reply != first.get()) {
                deliverOne(written, reply, false);
            }
        }
        return true;
    }

    // ----- replies -----

    private void deliver(Written written, List<Reply> answer, boolean direct) {
        boolean remembered = false;
        for (Reply reply : answer) {
            Optional<String> posted = deliverOne(written, reply, direct);
            if (!remembered && posted.isPresent()) {
                replies.remember(conversation(written), written.ts(), posted.get(), clock.instant());
                remembered = true;
            }
        }
        if (SlackFiles.any(answer)) {
            // After the text, which says what the files are.
            files.share(written.bot(), written.user(), direct ? written.channel() : null, answer);
        }
    }

    /** Posts one reply; the {@code ts} of a public one. */
    private Optional<String> deliverOne(Written written, Reply reply, boolean direct) {
        if (!direct && reply.delivery() == Reply.Delivery.PRIVATE) {
            outbox.postEphemeral(written.bot(), written.channel(), written.user(), written.threadTs(), reply);
            return Optional.empty();
        }
        return outbox.post(written.bot(), written.channel(), written.threadTs(), reply);
    }

    private Message message(Written written, Message.Origin origin) {
        boolean admin = converse.isAdministrative(written.text()) && admins.isAdmin(written.bot(), written.user());
        return new Message(
                new UserRef(Platform.SLACK, written.bot().team(), written.user()),
                conversation(written),
                written.text(),
                origin,
                admin,
                Optional.empty(),
                written.image(),
                admin ? admins.alsoAdministers(written.bot().team(), written.user()) : Set.of());
    }

    private static ChannelRef conversation(Written written) {
        return new ChannelRef(Platform.SLACK, written.bot().team(), written.channel());
    }

    // ----- reading messages -----

    /**
     * The text without the bot's mentions ({@code <@U123>} or {@code <@U123|name>}) wherever they are,
     * and without the mentions of others that lead it (they address people, they are not the question);
     * without a known bot id, without the leading mentions. Every kind of space is a plain space.
     */
    static String withoutMention(CharSequence text, String botUserId) {
        if (text == null) {
            return "";
        }
        CharSequence rest = text;
        if (botUserId != null && !botUserId.isBlank()) {
            // [^<>]*, not [^>]*: a label cannot run past the next '<', so no text makes this scan its rest again and
            // again.
            rest = Pattern.compile("<@" + Pattern.quote(botUserId) + "(\\|[^<>]*)?>")
                    .matcher(rest)
                    .replaceAll(" ");
        }
        return UserText.oneLine(LEADING_MENTIONS.matcher(rest).replaceFirst(""));
    }

    /** Whether a file is a picture: by its MIME type, else by its file type (Slack sends one or both). */
    static boolean hasImage(List<File> files) {
        return media(files).anyMatch(Media.PICTURE::equals);
    }

    /** Whether a file is a picture or a video: what a draft to check must be looked at with. */
    static boolean hasMedia(List<File> files) {
        return media(files).findAny().isPresent();
    }

    private static Stream<Media> media(List<File> files) {
        return files == null
                ? Stream.empty()
                : files.stream()
                        .filter(Objects::nonNull)
                        .flatMap(file -> Media.of(file.getMimetype(), file.getFiletype()).stream());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
