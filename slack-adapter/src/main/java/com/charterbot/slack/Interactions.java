package com.charterbot.slack;

import com.charterbot.core.chat.Converse;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.nudge.NudgeFormOutcome;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.reply.TaggedValue;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The slash command, button clicks and the nudge form's submission: translated into the core's
 * {@link Message}, {@link ActionEvent} and {@link EditNudges} calls, the answers laid out for Slack.
 *
 * <ul>
 *   <li>Slash command: answered in the acknowledgement itself (the core takes about a millisecond),
 *       further replies through the {@code response_url}. {@code PRIVATE} is {@code ephemeral},
 *       {@code CONVERSATION} is {@code in_channel}.
 *   <li>Button: acknowledged at once; the core runs in the background and its replies go to the
 *       {@code response_url} ({@code REPLACE_ORIGINAL} replaces the clicked message). A click in
 *       the App Home has no {@code response_url} and no message to replace: {@code REPLACE_ORIGINAL}
 *       re-publishes the Home tab ({@link HomeTab}, once per click), the other replies go to the
 *       person's DM.
 *   <li>A reply holding a {@link Block.Form} opens it as a modal ({@link FormModal}, {@code views.open}),
 *       from a message as from the App Home; its submission's replies go to the person's DM, except
 *       {@code REPLACE_ORIGINAL} for a form opened from the App Home, which re-publishes the Home tab.
 *   <li>{@link ActionIds#NUDGES_EDIT} opens the nudge form as a modal ({@code views.open}); once it
 *       is saved the Home tab is re-published.
 *   <li>Pictures and files of a reply (a statistics chart, an export) go to the person's direct
 *       messages with the bot ({@link SlackFiles}).
 *   <li>The message shortcuts "Check with the charter" / "Vérifier avec la charte" ({@link SlackBot#CHECK_SHORTCUTS}):
 *       acknowledged at once; the message's text (and whether a picture or video goes with it) goes
 *       to the core as a draft, and the findings come back privately through the {@code response_url}
 *       (ephemeral), else in the person's DM.
 * </ul>
 */
final class Interactions {

    /** How long a slash command or a form submission waits for {@code users.info} before counting "not an admin". */
    static final Duration ADMIN_BUDGET_IN_REQUEST = Duration.ofMillis(1_500);

    private static final String INVALID = "{\"error\":\"invalid request\"}";

    private final Converse converse;
    private final HomeTab homeTab;
    private final EditNudges nudges;
    private final WorkspaceAdmins admins;
    private final SlackOutbox outbox;
    private final Background background;
    private final BlockKitRenderer renderer;
    private final Duration apiTimeout;
    private final SlackFiles files;

    Interactions(
            Converse converse,
            HomeTab homeTab,
            EditNudges nudges,
            WorkspaceAdmins admins,
            SlackOutbox outbox,
            Background background,
            BlockKitRenderer renderer,
            Duration apiTimeout,
            SlackFiles files) {
        this.converse = converse;
        this.homeTab = homeTab;
        this.nudges = nudges;
        this.admins = admins;
        this.outbox = outbox;
        this.background = background;
        this.renderer = renderer;
        this.apiTimeout = apiTimeout;
        this.files = files;
    }

    // ----- slash command -----

    Response command(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        String team = payload.getTeamId();
        String user = payload.getUserId();
        String channel = payload.getChannelId();
        if (isBlank(team) || isBlank(user) || isBlank(channel)) {
            return Response.json(400, INVALID);
        }
        String text = payload.getText() == null ? "" : payload.getText();
        WorkspaceBot bot = WorkspaceBot.of(team, ctx);
        boolean admin =
                converse.isAdministrative(text) && admins.isAdmin(bot, user, min(ADMIN_BUDGET_IN_REQUEST, apiTimeout));
        Message message = new Message(
                new UserRef(Platform.SLACK, team, user),
                new ChannelRef(Platform.SLACK, team, channel),
                text,
                Message.Origin.COMMAND,
                admin,
                Optional.empty(),
                false,
                admin ? admins.alsoAdministers(team, user) : Set.of());
        List<Reply> replies = converse.onMessage(message);
        if (replies.isEmpty()) {
            return ctx.ack();
        }
        String responseUrl = payload.getResponseUrl();
        if (SlackFiles.any(replies)) {
            // A command typed in a conversation between people: the files go to the person's own DM with the bot.
            background.run("command files", () -> files.share(bot, user, null, replies));
        }
        if (replies.size() > 1) {
            List<Reply> later = List.copyOf(replies.subList(1, replies.size()));
            background.run(
                    "command follow-up",
                    () -> later.forEach(reply -> outbox.respond(responseUrl, commandResponse(reply))));
        }
        return ctx.ack(commandResponse(replies.get(0)));
    }

    private SlashCommandResponse commandResponse(Reply reply) {
        return SlashCommandResponse.builder()
                .responseType(reply.delivery() == Reply.Delivery.CONVERSATION ? "in_channel" : "ephemeral")
                .text(renderer.fallbackText(reply))
                .blocks(renderer.render(reply))
                .build();
    }

    // ----- the message shortcut -----

    /** Checks the message the shortcut was used on; the findings are private to the person who used it. */
    Response messageShortcut(MessageShortcutRequest request, MessageShortcutContext ctx, Language language) {
        MessageShortcutPayload payload = request.getPayload();
        String user = payload.getUser() == null ? null : payload.getUser().getId();
        String team = payload.getTeam() != null && !isBlank(payload.getTeam().getId())
                ? payload.getTeam().getId()
                : payload.getUser() == null ? null : payload.getUser().getTeamId();
        if (isBlank(user) || isBlank(team)) {
            return Response.json(400, INVALID);
        }
        String channel =
                payload.getChannel() == null || isBlank(payload.getChannel().getId())
                        ? user
                        : payload.getChannel().getId();
        com.slack.api.model.Message shared = payload.getMessage();
        String text = shared == null || shared.getText() == null ? "" : shared.getText();
        boolean media = shared != null && SlackMessages.hasMedia(shared.getFiles());
        Message draft = new Message(
                new UserRef(Platform.SLACK, team, user),
                new ChannelRef(Platform.SLACK, team, channel),
                text,
                Message.Origin.COMMAND,
                false,
                Optional.of(language),
                media);
        String responseUrl = payload.getResponseUrl();
        WorkspaceBot bot = WorkspaceBot.of(team, ctx);
        background.run(
                "check shortcut",
                () -> converse.onDraft(draft).forEach(reply -> deliverActionReply(bot, reply, responseUrl, user)));
        return ctx.ack();
    }

    // ----- buttons -----

    Response blockAction(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        String user = payload.getUser() == null ? null : payload.getUser().getId();
        String team = team(payload);
        List<BlockActionPayload.Action> actions = payload.getActions();
        if (isBlank(user)
                || isBlank(team)
                || actions == null
                || actions.isEmpty()
                || actions.get(0) == null
                || actions.get(0).getActionId() == null) {
            return Response.json(400, INVALID);
        }
        BlockActionPayload.Action action = actions.get(0);
        String actionId = BlockKitRenderer.routedActionId(action.getActionId());
        String value = action.getValue() == null ? "" : action.getValue();
        String channel = channel(payload, user);
        String responseUrl = payload.getResponseUrl();
        WorkspaceBot bot = WorkspaceBot.of(team, ctx);
        if (ActionIds.NUDGES_EDIT.equals(actionId)) {
            String triggerId = payload.getTriggerId();
            background.run("nudge form", () -> openNudgeForm(bot, user, value, triggerId, responseUrl));
        } else {
            String name = payload.getUser().getName();
            String triggerId = payload.getTriggerId();
            boolean home = inHomeTab(payload);
            background.run("button " + actionId, () -> {
                // The Home tab shows its administrator's part only to someone Slack just said is an admin: asked
                // again (or remembered) here, so that a click long after the tab opened is not refused.
                boolean admin = home ? admins.isAdmin(bot, user) : admins.known(team, user);
                ActionEvent event = new ActionEvent(
                        new UserRef(Platform.SLACK, team, user),
                        new ChannelRef(Platform.SLACK, team, channel),
                        actionId,
                        value,
                        admin,
                        Optional.empty(),
                        name,
                        Map.of());
                boolean republish = false;
                for (Reply reply : converse.onAction(event)) {
                    Optional<Block.Form> form = FormModal.formOf(reply);
                    if (form.isPresent() && !isBlank(triggerId)) {
                        outbox.openView(bot, triggerId, FormModal.view(form.get(), home));
                    } else if (home && reply.delivery() == Reply.Delivery.REPLACE_ORIGINAL) {
                        republish = true;
                    } else {
                        deliverActionReply(bot, reply, responseUrl, user);
                    }
                }
                if (republish) {
                    homeTab.publish(bot, user);
                }
            });
        }
        return ctx.ack();
    }

    // ----- the core's forms (an expert's answer...) -----

    /**
     * A submitted {@link FormModal}: acknowledged at once (the modal closes); the core gets the form's
     * submit action with the fields, and its replies go to the person's DM with the bot, but for a
     * form opened from the App Home, what replaces the original re-publishes the Home tab.
     */
    Response formSubmission(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        String user = payload.getUser() == null ? null : payload.getUser().getId();
        String team = payload.getTeam() != null && !isBlank(payload.getTeam().getId())
                ? payload.getTeam().getId()
                : payload.getUser() == null ? null : payload.getUser().getTeamId();
        Optional<String[]> submit = FormModal.submitOf(
                payload.getView() == null ? null : payload.getView().getPrivateMetadata());
        if (isBlank(user) || isBlank(team) || submit.isEmpty()) {
            return Response.json(400, INVALID);
        }
        Map<String, String> inputs = NudgeModal.values(payload.getView().getState());
        String name = payload.getUser().getName();
        WorkspaceBot bot = WorkspaceBot.of(team, ctx);
        boolean home = FormModal.HOME_CALLBACK_ID.equals(payload.getView().getCallbackId());
        background.run("form " + submit.get()[0], () -> {
            ActionEvent event = new ActionEvent(
                    new UserRef(Platform.SLACK, team, user),
                    new ChannelRef(Platform.SLACK, team, user),
                    submit.get()[0],
                    submit.get()[1],
                    admins.known(team, user),
                    Optional.empty(),
                    name,
                    inputs);
            boolean republish = false;
            for (Reply reply : converse.onAction(event)) {
                if (home && reply.delivery() == Reply.Delivery.REPLACE_ORIGINAL) {
                    republish = true;
                } else {
                    outbox.postMessage(bot, user, null, reply);
                }
            }
            if (republish) {
                homeTab.publish(bot, user);
            }
        });
        return ctx.ack();
    }

    private void deliverActionReply(WorkspaceBot bot, Reply reply, String responseUrl, String user) {
        if (!outbox.isResponseUrl(responseUrl)) {
            // App Home (or a shortcut without one): no message to answer under; the person's DM (channel = user id)
            // instead.
            outbox.postMessage(bot, user, null, reply);
            return;
        }
        ActionResponse.ActionResponseBuilder response =
                ActionResponse.builder().text(renderer.fallbackText(reply)).blocks(renderer.render(reply));
        switch (reply.delivery()) {
            case REPLACE_ORIGINAL -> response.replaceOriginal(true);
            case PRIVATE -> response.responseType("ephemeral").replaceOriginal(false);
            case CONVERSATION -> response.responseType("in_channel").replaceOriginal(false);
        }
        outbox.respond(responseUrl, response.build());
    }

    private void openNudgeForm(WorkspaceBot bot, String user, String value, String triggerId, String responseUrl) {
        String team = bot.team();
        TaggedValue tagged = TaggedValue.read(value);
        Optional<Language> clicked = tagged.language();
        String channelId = tagged.value();
        if (channelId.isBlank()) {
            return;
        }
        boolean admin = admins.isAdmin(bot, user);
        NudgeFormOutcome outcome = nudges.open(
                new UserRef(Platform.SLACK, team, user),
                admin,
                new ChannelRef(Platform.SLACK, team, channelId.strip()),
                clicked);
        if (outcome instanceof NudgeFormOutcome.Form form) {
            if (isBlank(triggerId)) {
                return;
            }
            outbox.openView(bot, triggerId, NudgeModal.view(form.form()));
        } else if (outcome instanceof NudgeFormOutcome.Denied denied) {
            if (outbox.isResponseUrl(responseUrl)) {
                outbox.respond(
                        responseUrl,
                        ActionResponse.builder()
                                .responseType("ephemeral")
                                .replaceOriginal(false)
                                .text(BlockKitRenderer.escape(denied.message()))
                                .blocks(renderer.renderText(denied.message()))
                                .build());
            } else {
                outbox.postText(bot, user, denied.message());
            }
        }
    }

    // ----- the nudge form -----

    Response viewSubmission(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        String user = payload.getUser() == null ? null : payload.getUser().getId();
        String team = payload.getTeam() != null && !isBlank(payload.getTeam().getId())
                ? payload.getTeam().getId()
                : payload.getUser() == null ? null : payload.getUser().getTeamId();
        String metadata = payload.getView() == null ? null : payload.getView().getPrivateMetadata();
        TaggedValue tagged = TaggedValue.read(metadata);
        Optional<Language> formLanguage = tagged.language();
        String channelId = tagged.value();
        if (isBlank(user) || isBlank(team) || isBlank(channelId)) {
            return Response.json(400, INVALID);
        }
        Map<String, String> values = NudgeModal.values(payload.getView().getState());
        WorkspaceBot bot = WorkspaceBot.of(team, ctx);
        boolean admin = admins.isAdmin(bot, user, min(ADMIN_BUDGET_IN_REQUEST, apiTimeout));
        UserRef person = new UserRef(Platform.SLACK, team, user);
        NudgeFormOutcome outcome = nudges.submit(
                person, admin, new ChannelRef(Platform.SLACK, team, channelId.strip()), values, formLanguage);
        if (outcome instanceof NudgeFormOutcome.Rejected rejected) {
            return ctx.ackWithErrors(rejected.errors());
        } else if (outcome instanceof NudgeFormOutcome.Denied denied) {
            return ctx.ackWithErrors(Map.of(NudgeModal.firstBlockId(payload.getView()), denied.message()));
        } else if (outcome instanceof NudgeFormOutcome.Saved saved) {
            background.run("nudge form saved", () -> {
                homeTab.publish(bot, user);
                outbox.postMessage(bot, user, null, saved.confirmation());
            });
            return ctx.ack();
        } else if (outcome instanceof NudgeFormOutcome.Form form) {
            return ctx.ackWithUpdate(NudgeModal.view(form.form()));
        }
        return ctx.ack();
    }

    // ----- payload details -----

    private static String team(BlockActionPayload payload) {
        if (payload.getTeam() != null && !isBlank(payload.getTeam().getId())) {
            return payload.getTeam().getId();
        }
        return payload.getUser() == null ? null : payload.getUser().getTeamId();
    }

    /** Whether the click was on the App Home tab (a {@code view} container of a view of type {@code home}). */
    private static boolean inHomeTab(BlockActionPayload payload) {
        return payload.getContainer() != null
                && "view".equals(payload.getContainer().getType())
                && payload.getView() != null
                && "home".equals(payload.getView().getType());
    }

    /** Where the click happened: the channel, else the message's container; in the App Home, the person's DM (their user id). */
    private static String channel(BlockActionPayload payload, String user) {
        if (payload.getChannel() != null && !isBlank(payload.getChannel().getId())) {
            return payload.getChannel().getId();
        }
        if (payload.getContainer() != null && !isBlank(payload.getContainer().getChannelId())) {
            return payload.getContainer().getChannelId();
        }
        return user;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
