package com.charterbot.slack;

import com.charterbot.core.chat.ChannelRef;
import com.charterbot.core.chat.Platform;
import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.chat.UserRef;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.reply.Reply;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.ChannelArchiveEvent;
import com.slack.api.model.event.ChannelLeftEvent;
import com.slack.api.model.event.ChannelRenameEvent;
import com.slack.api.model.event.ChannelUnarchiveEvent;
import com.slack.api.model.event.Event;
import com.slack.api.model.event.GroupArchiveEvent;
import com.slack.api.model.event.GroupLeftEvent;
import com.slack.api.model.event.GroupRenameEvent;
import com.slack.api.model.event.GroupUnarchiveEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageMeEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Events API, over HTTP or Socket Mode: every event is acknowledged at once, handled once
 * (de-duplicated on {@code event_id} through {@link SeenEvents}, across replicas) and in the
 * background.
 *
 * <ul>
 *   <li>{@code app_mention}, {@code message} in a DM and its subtypes that carry a person's text, and
 *       edits of a DM: see {@link SlackMessages}.
 *   <li>{@code app_home_opened} on the Home tab: {@code views.publish} of {@link ShowHome}'s page, in
 *       the language of the person's Slack client when they chose none ({@link SlackLocales}).
 *   <li>{@code member_joined_channel} of the bot itself: {@link ChannelMembership#joined}, then the
 *       welcome is posted, in the language of the person who invited the bot; {@code channel_left}/{@code group_left}, {@code *_archive},
 *       {@code *_unarchive}, {@code *_rename}, {@code app_uninstalled} and bot {@code tokens_revoked}
 *       reach the matching {@link ChannelMembership} method.
 * </ul>
 */
final class Events {

    private static final Logger log = LoggerFactory.getLogger(Events.class);
    private static final int MAX_KEY = 200;

    private final ChannelMembership membership;
    private final ShowHome home;
    private final SeenEvents seen;
    private final Clock clock;
    private final WorkspaceAdmins admins;
    private final SlackOutbox outbox;
    private final Background background;
    private final BlockKitRenderer renderer;
    private final SlackMessages messages;
    private final SlackLocales locales;

    Events(SlackBot.Parts parts, WorkspaceAdmins admins, SlackLocales locales, SlackOutbox outbox, Background background,
            BlockKitRenderer renderer, SlackFiles files) {
        this.messages = new SlackMessages(parts.converse(), parts.replies(), parts.clock(), admins, outbox, files);
        this.locales = locales;
        this.membership = parts.membership();
        this.home = parts.home();
        this.seen = parts.seen();
        this.clock = parts.clock();
        this.admins = admins;
        this.outbox = outbox;
        this.background = background;
        this.renderer = renderer;
    }

    void register(App app) {
        on(app, AppMentionEvent.class, messages::mention);
        on(app, MessageEvent.class, messages::direct);
        on(app, MessageFileShareEvent.class, messages::fileShared);
        on(app, MessageThreadBroadcastEvent.class, messages::broadcast);
        on(app, MessageMeEvent.class, messages::me);
        on(app, MessageChangedEvent.class, messages::edited);
        on(app, AppHomeOpenedEvent.class, this::homeOpened);
        on(app, MemberJoinedChannelEvent.class, this::memberJoined);
        on(app, ChannelLeftEvent.class, (p, bot) -> membership.left(channel(p, p.getEvent().getChannel())));
        on(app, GroupLeftEvent.class, (p, bot) -> membership.left(channel(p, p.getEvent().getChannel())));
        on(app, ChannelArchiveEvent.class, (p, bot) -> membership.archived(channel(p, p.getEvent().getChannel())));
        on(app, GroupArchiveEvent.class, (p, bot) -> membership.archived(channel(p, p.getEvent().getChannel())));
        on(app, ChannelUnarchiveEvent.class, (p, bot) -> membership.unarchived(channel(p, p.getEvent().getChannel())));
        on(app, GroupUnarchiveEvent.class, (p, bot) -> membership.unarchived(channel(p, p.getEvent().getChannel())));
        on(app, ChannelRenameEvent.class, (p, bot) -> {
            ChannelRenameEvent.Channel renamed = p.getEvent().getChannel();
            if (renamed != null && renamed.getName() != null) {
                membership.renamed(channel(p, renamed.getId()), renamed.getName());
            }
        });
        on(app, GroupRenameEvent.class, (p, bot) -> {
            GroupRenameEvent.Channel renamed = p.getEvent().getChannel();
            if (renamed != null && renamed.getName() != null) {
                membership.renamed(channel(p, renamed.getId()), renamed.getName());
            }
        });
        on(app, AppUninstalledEvent.class, (p, bot) -> uninstalled(p));
        on(app, TokensRevokedEvent.class, (p, bot) -> {
            TokensRevokedEvent.Tokens tokens = p.getEvent().getTokens();
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                uninstalled(p);
            }
        });
    }

    /**
     * Registers a handler that acknowledges at once and, the first time the event is seen, runs
     * {@code work} in the background with the bot's own user id (from {@code auth.test}).
     */
    private <E extends Event> void on(App app, Class<E> type, BiConsumer<EventsApiPayload<E>, String> work) {
        app.event(type, (payload, ctx) -> {
            if (payload.getEvent() == null || Interactions.isBlank(payload.getTeamId()) || !firstTime(payload.getEventId())) {
                return ctx.ack();
            }
            String botUserId = botUserId(ctx);
            String name = payload.getEvent().getType();
            background.run("event " + name, () -> work.accept(payload, botUserId));
            return ctx.ack();
        });
    }

    private boolean firstTime(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            return true;
        }
        String key = "slack:" + eventId;
        try {
            return seen.firstTime(key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key, clock.instant());
        } catch (RuntimeException e) {
            // Better twice than never: the store is down, handle the event anyway.
            log.warn("Could not record a Slack event as seen: {}", e.getClass().getSimpleName());
            return true;
        }
    }

    private static String botUserId(EventContext ctx) {
        return ctx.getBotUserId();
    }

    // ----- home and channels -----

    private void homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, String botUserId) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (!"home".equals(event.getTab()) || Interactions.isBlank(event.getUser())) {
            return;
        }
        String team = payload.getTeamId();
        boolean admin = admins.isAdmin(team, event.getUser());
        Reply page = home.home(new UserRef(Platform.SLACK, team, event.getUser()), admin, locales.of(team, event.getUser()));
        outbox.publishHome(event.getUser(), renderer.homeView(page));
    }

    private void memberJoined(EventsApiPayload<MemberJoinedChannelEvent> payload, String botUserId) {
        MemberJoinedChannelEvent event = payload.getEvent();
        if (botUserId == null || !botUserId.equals(event.getUser()) || Interactions.isBlank(event.getChannel())) {
            return;
        }
        String name = outbox.channelName(event.getChannel()).orElse("");
        // The welcome speaks the language of whoever invited the bot, when Slack tells it.
        membership.joined(channel(payload, event.getChannel()), name, locales.of(payload.getTeamId(), event.getInviter()))
                .ifPresent(welcome -> outbox.postMessage(event.getChannel(), null, welcome));
    }

    private void uninstalled(EventsApiPayload<?> payload) {
        int forgotten = membership.uninstalled(Platform.SLACK, payload.getTeamId());
        log.info("Slack app removed from workspace {}: {} channels forgotten", payload.getTeamId(), forgotten);
    }

    private static ChannelRef channel(EventsApiPayload<?> payload, String channelId) {
        return new ChannelRef(Platform.SLACK, payload.getTeamId(), channelId);
    }
}
