package com.charterbot.playground;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.answer.Question;
import com.charterbot.core.command.Command;
import com.charterbot.core.command.CommandParser;
import com.charterbot.core.eval.EvalQuestion;
import com.charterbot.core.eval.EvalSet;
import com.charterbot.core.eval.Evaluation;
import com.charterbot.core.values.Language;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The playground's JSON endpoints: the charter's state (and its changes, as server-sent events),
 * a question or a click answered as Slack and Teams would show it with the ranking behind it, a
 * question file evaluated, and the charter's sections side by side in both languages.
 *
 * <p>A draft checker (posts checked against the charter) would be one more endpoint here, next to
 * {@code /api/ask}, read by the page's "draft" input mode.
 */
@RestController
class PlaygroundApi {

    /** The longest text answered; longer gets 413 (the Teams adapter passes at most this much to the core). */
    static final int MAX_TEXT = 20_000;
    /** How long one event stream stays open; the page's EventSource opens another at once. */
    static final java.time.Duration EVENTS_TIMEOUT = java.time.Duration.ofMinutes(30);
    /** The largest question file evaluated, in characters. */
    static final int MAX_EVAL = 2_000_000;

    private final LiveCharter charter;
    private final PlaygroundChats chats;
    private final PlaygroundViews views = new PlaygroundViews();
    private final List<SseEmitter> listeners = new CopyOnWriteArrayList<>();

    PlaygroundApi(LiveCharter charter, PlaygroundChats chats) {
        this.charter = charter;
        this.chats = chats;
        charter.onChange(state -> broadcast());
    }

    @GetMapping(value = "/api/state", produces = MediaType.APPLICATION_JSON_VALUE)
    String state() {
        return PlaygroundViews.write(views.state(charter.state()));
    }

    /** The state now, then again after every change of the files. */
    @GetMapping(value = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        SseEmitter emitter = new SseEmitter(EVENTS_TIMEOUT.toMillis());
        listeners.add(emitter);
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(error -> listeners.remove(emitter));
        send(emitter, state());
        return emitter;
    }

    private void broadcast() {
        String state = state();
        listeners.forEach(emitter -> send(emitter, state));
    }

    private void send(SseEmitter emitter, String state) {
        try {
            emitter.send(SseEmitter.event().name("state").data(state, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            // The page went away; its emitter is removed on completion.
            listeners.remove(emitter);
        }
    }

    /**
     * A question or command, answered as in a direct message: the replies as each platform gets them and,
     * for a question, the ranking behind the answer. Body: {@code {"text": "...", "lang": "en"|"fr"|null}}.
     */
    @PostMapping(value = "/api/ask", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> ask(@RequestBody String body) {
        Request request;
        try {
            request = Request.read(body, "text");
        } catch (BadRequest e) {
            return error(e.status, e.key);
        }
        Optional<AnswerEngine> engine = charter.engine();
        if (engine.isEmpty()) {
            return error(HttpStatus.CONFLICT, "error.no-charter");
        }
        ObjectNode view = PlaygroundViews.JSON.createObjectNode();
        view.put("text", request.text());
        view.put("charterVersion", engine.get().charter().version());
        view.set("replies", views.replies(chats.chat().say(request.text(), request.language())));
        if (CommandParser.parse(request.text()) instanceof Command.Ask) {
            view.set(
                    "trace",
                    views.trace(
                            engine.get().trace(new Question(request.text(), request.language())),
                            engine.get().charter()));
        } else {
            view.putNull("trace");
        }
        return ResponseEntity.ok(PlaygroundViews.write(view));
    }

    /** A click on a button of a reply. Body: {@code {"actionId": "...", "value": "...", "lang": ...}}. */
    @PostMapping(value = "/api/action", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> action(@RequestBody String body) {
        Request request;
        try {
            request = Request.read(body, "value");
        } catch (BadRequest e) {
            return error(e.status, e.key);
        }
        if (request.actionId().isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "error.bad-request");
        }
        if (charter.engine().isEmpty()) {
            return error(HttpStatus.CONFLICT, "error.no-charter");
        }
        ObjectNode view = PlaygroundViews.JSON.createObjectNode();
        view.set("replies", views.replies(chats.chat().click(request.actionId(), request.text(), request.language())));
        return ResponseEntity.ok(PlaygroundViews.write(view));
    }

    /** A question file, in the {@code eval} command's format, run against the charter. */
    @PostMapping(value = "/api/eval", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> eval(@RequestBody String yaml) {
        if (yaml.length() > MAX_EVAL) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "error.too-long");
        }
        Optional<AnswerEngine> engine = charter.engine();
        if (engine.isEmpty()) {
            return error(HttpStatus.CONFLICT, "error.no-charter");
        }
        List<EvalQuestion> questions;
        try {
            questions = EvalSet.parse(yaml);
        } catch (IllegalArgumentException e) {
            ObjectNode view = PlaygroundViews.JSON.createObjectNode();
            view.put("error", "error.eval-file");
            view.put("detail", e.getMessage() == null ? "" : e.getMessage());
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(PlaygroundViews.write(view));
        }
        Evaluation.Report report = Evaluation.run(engine.get(), questions);
        return ResponseEntity.ok(PlaygroundViews.write(
                views.evaluation(report, engine.get().charter().version())));
    }

    /** The served charter's sections side by side in both languages, with the flags for the author. */
    @GetMapping(value = "/api/sections", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> sections() {
        return charter.engine()
                .map(engine -> ResponseEntity.ok(PlaygroundViews.write(views.sections(engine.charter()))))
                .orElseGet(() -> error(HttpStatus.CONFLICT, "error.no-charter"));
    }

    /** The page's sentences in both languages. */
    @GetMapping(value = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    String messages() {
        return PlaygroundViews.write(PlaygroundMessages.all());
    }

    private static ResponseEntity<String> error(HttpStatus status, String key) {
        ObjectNode view = PlaygroundViews.JSON.createObjectNode();
        view.put("error", key);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(PlaygroundViews.write(view));
    }

    /** What a page posts: a text (or a click's value), maybe an action id, maybe a reply language. */
    private record Request(String text, String actionId, Optional<Language> language) {

        static Request read(String body, String textField) {
            if (body.length() > 4 * MAX_TEXT) {
                throw new BadRequest(HttpStatus.CONTENT_TOO_LARGE, "error.too-long");
            }
            JsonNode json;
            try {
                json = PlaygroundViews.JSON.readTree(body);
            } catch (JacksonException e) {
                throw new BadRequest(HttpStatus.BAD_REQUEST, "error.bad-request");
            }
            if (json == null || !json.isObject() || !json.path(textField).isString()) {
                throw new BadRequest(HttpStatus.BAD_REQUEST, "error.bad-request");
            }
            String text = json.path(textField).asString();
            if (text.length() > MAX_TEXT) {
                throw new BadRequest(HttpStatus.CONTENT_TOO_LARGE, "error.too-long");
            }
            String lang = json.path("lang").isString() ? json.path("lang").asString() : "";
            Optional<Language> language = lang.isEmpty() ? Optional.empty() : Language.fromTag(lang);
            if (!lang.isEmpty() && language.isEmpty()) {
                throw new BadRequest(HttpStatus.BAD_REQUEST, "error.bad-request");
            }
            return new Request(
                    text,
                    json.path("actionId").isString() ? json.path("actionId").asString() : "",
                    language);
        }
    }

    /** A request the page should not have sent; answered with the status and a message key, never a stack trace. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final HttpStatus status;
        final String key;

        BadRequest(HttpStatus status, String key) {
            super(key, null, false, false);
            this.status = status;
            this.key = key;
        }
    }
}
