package com.charterbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges every interactive payload the bot has no use for, quietly: one DEBUG line, HTTP 200,
 * the empty answer each payload's contract allows. Without a handler Bolt answers 404, which Slack
 * shows the person as an error, and logs a WARN with a multi-line code hint.
 *
 * <p>Covered: global shortcuts, {@code view_closed}, {@code block_suggestion} (no
 * options), attachment actions and dialogs of legacy messages, workflow steps from apps, and
 * anything else Bolt routes but finds no handler for ({@link #unmatched}). A slash command,
 * {@code view_submission} or message shortcut that is not the bot's is acknowledged by the bot's
 * own handlers with {@link #ack(String)}.
 */
final class QuietAcks {

    private static final Logger log = LoggerFactory.getLogger(QuietAcks.class);
    private static final Pattern ANY = Pattern.compile(".*");

    private QuietAcks() {}

    // Workflow steps from apps are deprecated by Slack, but a workspace may still send them: acknowledged quietly.
    @SuppressWarnings("deprecation")
    static void register(App app) {
        app.globalShortcut(ANY, (request, ctx) -> ack("global shortcut"));
        app.viewClosed(ANY, (request, ctx) -> ack("view_closed"));
        app.blockSuggestion(ANY, (request, ctx) -> {
            log.debug("Slack block_suggestion acknowledged, no options");
            return ctx.ack(r -> r.options(List.of()));
        });
        app.attachmentAction(ANY, (request, ctx) -> ack("attachment action"));
        app.dialogSubmission(ANY, (request, ctx) -> ack("dialog submission"));
        app.dialogCancellation(ANY, (request, ctx) -> ack("dialog cancellation"));
        app.dialogSuggestion(ANY, (request, ctx) -> {
            log.debug("Slack dialog suggestion acknowledged, no options");
            return ctx.ack(r -> r.options(List.of()));
        });
        app.workflowStepEdit(ANY, (request, ctx) -> ack("workflow step edit"));
        app.workflowStepSave(ANY, (request, ctx) -> ack("workflow step save"));
        app.workflowStepExecute(ANY, (request, ctx) -> ack("workflow step execute"));
    }

    /** The empty 200 of a payload the bot does not act on, logged once at DEBUG. */
    static Response ack(String what) {
        log.debug("Slack {} acknowledged, nothing to do", what);
        return Response.ok();
    }

    /** For Bolt's {@code unmatchedRequestHandler}: what reached no handler at all (several actions in one payload...). */
    static Response unmatched(Request<?> request) {
        return ack(String.valueOf(request.getRequestType()));
    }
}
