package com.charterbot.slack;

import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
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
import com.slack.api.model.event.TeamAccessGrantedEvent;
import com.slack.api.model.event.TeamAccessRevokedEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.time.Clock;
import java.util.List;
import java.util.Set;
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
 *   <li>{@code app_home_opened} on the Home tab: the person's page is published ({@link HomeTab}).
 *   <li>{@code member_joined_channel} of the bot itself: {@link ChannelMembership#joined}, then the
 *       welcome is posted, in the language of the person who invited the bot; {@code channel_left}/{@code group_left}, {@code *_archive},
 *       {@code *_unarchive} and {@code *_rename} reach the matching {@link ChannelMembership} method.
 *   <li>{@code app_uninstalled} and bot {@code tokens_revoked}: the installation's tokens are deleted
 *       (a distributed app) and the channels of the workspaces it served are paused, those of other
 *       workspaces untouched; {@code team_access_revoked} (an org-wide app taken out of some of its
 *       organization's workspaces) pauses those workspaces' channels, and {@code team_access_granted}
 *       remembers the workspaces an org-wide installation serves.
 * </ul>
 *
 * <p>Every Web API call of an event speaks as the bot of the event's workspace ({@link WorkspaceBot}).
 */
final class Events {

    private static final Logger log = LoggerFactory.getLogger(Events.class);
    private static final int MAX_KEY = 200;

    private final ChannelMembership membership;
    private final HomeTab homeTab;
    private final SeenEvents seen;
    private final Clock clock;
    private final SlackOutbox outbox;
    private final Background background;
    private final SlackMessages messages;
    private final SlackLocales locales;
    private final Installations installations;

    /** @param installations the installations of a distributed app; null for one workspace by its bot token */
    Events(
            SlackBot.Parts parts,
            WorkspaceAdmins admins,
            SlackLocales locales,
            SlackOutbox outbox,
            Background background,
            HomeTab homeTab,
            Installations installations,
            SlackFiles files) {
        this.installations = installations;
        this.messages = new SlackMessages(parts.converse(), parts.replies(), parts.clock(), admins, outbox, files);
        this.locales = locales;
        this.membership = parts.membership();
        this.homeTab = homeTab;
        this.seen = parts.seen();
        this.clock = parts.clock();
        this.outbox = outbox;
        this.background = background;
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
        on(
                app,
                ChannelLeftEvent.class,
                (p, bot) -> membership.left(channel(p, p.getEvent().getChannel())));
        on(
                app,
                GroupLeftEvent.class,
                (p, bot) -> membership.left(channel(p, p.getEvent().getChannel())));
        on(
                app,
                ChannelArchiveEvent.class,
                (p, bot) -> membership.archived(channel(p, p.getEvent().getChannel())));
        on(
                app,
                GroupArchiveEvent.class,
                (p, bot) -> membership.archived(channel(p, p.getEvent().getChannel())));
        on(
                app,
                ChannelUnarchiveEvent.class,
                (p, bot) -> membership.unarchived(channel(p, p.getEvent().getChannel())));
        on(
                app,
                GroupUnarchiveEvent.class,
                (p, bot) -> membership.unarchived(channel(p, p.getEvent().getChannel())));
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
        onOrg(app, AppUninstalledEvent.class, (p, bot) -> uninstalled(p));
        onOrg(app, TokensRevokedEvent.class, (p, bot) -> {
            TokensRevokedEvent.Tokens tokens = p.getEvent().getTokens();
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                uninstalled(p);
            }
        });
        onOrg(app, TeamAccessRevokedEvent.class, (p, bot) -> {
            List<String> teams =
                    p.getEvent().getTeamIds() == null ? List.of() : p.getEvent().getTeamIds();
            pause(teams, "access to " + teams.size() + " workspace(s) of " + p.getEnterpriseId() + " revoked");
        });
        onOrg(app, TeamAccessGrantedEvent.class, (p, bot) -> {
            if (installations != null
                    && p.getEnterpriseId() != null
                    && p.getEvent().getTeamIds() != null) {
                installations.granted(p.getEnterpriseId(), p.getEvent().getTeamIds());
            }
        });
    }

    /**
     * Registers a handler that acknowledges at once and, the first time the event is seen, runs
     * {@code work} in the background with the bot's own user id (from {@code auth.test}).
     */
    private <E extends Event> void on(App app, Class<E> type, BiConsumer<EventsApiPayload<E>, WorkspaceBot> work) {
        register(app, type, false, work);
    }

    /** Like {@link #on}, for events that may come for a whole organization (no workspace) and without a bot (it was removed). */
    private <E extends Event> void onOrg(App app, Class<E> type, BiConsumer<EventsApiPayload<E>, WorkspaceBot> work) {
        register(app, type, true, work);
    }

    private <E extends Event> void register(
            App app, Class<E> type, boolean orgLevel, BiConsumer<EventsApiPayload<E>, WorkspaceBot> work) {
        app.event(type, (payload, ctx) -> {
            boolean placed = !Interactions.isBlank(payload.getTeamId())
                    || orgLevel && !Interactions.isBlank(payload.getEnterpriseId());
            if (payload.getEvent() == null || !placed || !firstTime(payload.getEventId())) {
                return ctx.ack();
            }
            WorkspaceBot bot = WorkspaceBot.of(payload.getTeamId(), ctx);
            if (bot == null && !orgLevel) {
                return ctx.ack();
            }
            String name = payload.getEvent().getType();
            background.run("event " + name, () -> {
                if (installations != null && bot != null) {
                    installations.seen(blankToNull(payload.getEnterpriseId()), bot.team());
                }
                work.accept(payload, bot);
            });
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

    // ----- home and channels -----

    private void homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, WorkspaceBot bot) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (!"home".equals(event.getTab()) || Interactions.isBlank(event.getUser())) {
            return;
        }
        homeTab.publish(bot, event.getUser());
    }

    private void memberJoined(EventsApiPayload<MemberJoinedChannelEvent> payload, WorkspaceBot bot) {
        String botUserId = bot.botUserId();
        MemberJoinedChannelEvent event = payload.getEvent();
        if (botUserId == null || !botUserId.equals(event.getUser()) || Interactions.isBlank(event.getChannel())) {
            return;
        }
        String name = outbox.channelName(bot, event.getChannel()).orElse("");
        // The welcome speaks the language of whoever invited the bot, when Slack tells it.
        membership
                .joined(channel(payload, event.getChannel()), name, locales.of(bot, event.getInviter()))
                .ifPresent(welcome -> outbox.postMessage(bot, event.getChannel(), null, welcome));
    }

    /** Deletes the installation's tokens (a distributed app), then pauses the channels of every workspace it served. */
    private void uninstalled(EventsApiPayload<?> payload) {
        Set<String> teams = installations == null
                ? (Interactions.isBlank(payload.getTeamId()) ? Set.of() : Set.of(payload.getTeamId()))
                : installations.uninstalled(blankToNull(payload.getEnterpriseId()), blankToNull(payload.getTeamId()));
        pause(teams, "app removed");
    }

    private void pause(Iterable<String> teams, String why) {
        int paused = 0;
        int workspaces = 0;
        for (String team : teams) {
            if (!Interactions.isBlank(team)) {
                paused += membership.uninstalled(Platform.SLACK, team);
                workspaces++;
            }
        }
        log.info("Slack {}: {} channel(s) of {} workspace(s) paused", why, paused, workspaces);
    }

    private static String blankToNull(String value) {
        return Interactions.isBlank(value) ? null : value;
    }

    private static ChannelRef channel(EventsApiPayload<?> payload, String channelId) {
        return new ChannelRef(Platform.SLACK, payload.getTeamId(), channelId);
    }
}
