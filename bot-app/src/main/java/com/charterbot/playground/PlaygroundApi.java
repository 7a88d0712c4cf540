package com.charterbot.playground;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.answer.Question;
import com.charterbot.core.command.Command;
import com.charterbot.core.command.CommandParser;
import com.charterbot.core.eval.EvalQuestion;
import com.charterbot.core.eval.EvalSet;
import com.charterbot.core.eval.Evaluation;
import com.charterbot.core.values.Language;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * The playground's JSON endpoints: the charter's state, a question or a click answered as Slack
 * and Teams would show it with the ranking behind it, a question file evaluated, and the charter's
 * sections side by side in both languages. {@link PlaygroundServer} routes requests here and
 * streams the state's changes.
 */
final class PlaygroundApi {

    /** An answer to the page: an HTTP status and a JSON body. */
    record Response(int status, String json) {}

    static final int OK = 200;
    static final int BAD_REQUEST = 400;
    static final int CONFLICT = 409;
    static final int CONTENT_TOO_LARGE = 413;

    /** The longest text answered; longer gets 413 (the Teams adapter passes at most this much to the core). */
    static final int MAX_TEXT = 20_000;
    /** The largest question file evaluated, in characters. */
    static final int MAX_EVAL = 2_000_000;

    private final LiveCharter charter;
    private final PlaygroundChats chats;
    private final PlaygroundViews views = new PlaygroundViews();

    PlaygroundApi(LiveCharter charter, PlaygroundChats chats) {
        this.charter = charter;
        this.chats = chats;
    }

    /** The charter's state now: {@code GET /api/state}, and each event of {@code /api/events}. */
    String state() {
        return PlaygroundViews.write(views.state(charter.state()));
    }

    /**
     * A question or command, answered as in a direct message: the replies as each platform gets them and,
     * for a question, the ranking behind the answer. Body: {@code {"text": "...", "lang": "en"|"fr"|null}}.
     */
    Response ask(String body) {
        Request request;
        try {
            request = Request.read(body, "text");
        } catch (BadRequest e) {
            return error(e.status, e.key);
        }
        Optional<AnswerEngine> engine = charter.engine();
        if (engine.isEmpty()) {
            return error(CONFLICT, "error.no-charter");
        }
        JsonObject view = new JsonObject();
        view.addProperty("text", request.text());
        view.addProperty("charterVersion", engine.get().charter().version());
        view.add("replies", views.replies(chats.chat().say(request.text(), request.language())));
        if (CommandParser.parse(request.text()) instanceof Command.Ask) {
            view.add(
                    "trace",
                    views.trace(
                            engine.get().trace(new Question(request.text(), request.language())),
                            engine.get().charter()));
        } else {
            view.add("trace", JsonNull.INSTANCE);
        }
        return new Response(OK, PlaygroundViews.write(view));
    }

    /**
     * Answers {@code help} once, unseen, when the charter has loaded: the renderers and the
     * conversation load their classes before the author's first question rather than during it.
     */
    void warmUp() {
        try {
            if (charter.engine().isPresent()) {
                ask("{\"text\": \"help\", \"lang\": \"en\"}");
            }
        } catch (RuntimeException e) {
            // The real question will say what is wrong, to the author.
        }
    }

    /** A click on a button of a reply. Body: {@code {"actionId": "...", "value": "...", "lang": ...}}. */
    Response action(String body) {
        Request request;
        try {
            request = Request.read(body, "value");
        } catch (BadRequest e) {
            return error(e.status, e.key);
        }
        if (request.actionId().isBlank()) {
            return error(BAD_REQUEST, "error.bad-request");
        }
        if (charter.engine().isEmpty()) {
            return error(CONFLICT, "error.no-charter");
        }
        JsonObject view = new JsonObject();
        view.add("replies", views.replies(chats.chat().click(request.actionId(), request.text(), request.language())));
        return new Response(OK, PlaygroundViews.write(view));
    }

    /** A question file, in the {@code eval} command's format, run against the charter. */
    Response eval(String yaml) {
        if (yaml.length() > MAX_EVAL) {
            return error(CONTENT_TOO_LARGE, "error.too-long");
        }
        Optional<AnswerEngine> engine = charter.engine();
        if (engine.isEmpty()) {
            return error(CONFLICT, "error.no-charter");
        }
        List<EvalQuestion> questions;
        try {
            questions = EvalSet.parse(yaml);
        } catch (IllegalArgumentException e) {
            JsonObject view = new JsonObject();
            view.addProperty("error", "error.eval-file");
            view.addProperty("detail", e.getMessage() == null ? "" : e.getMessage());
            return new Response(BAD_REQUEST, PlaygroundViews.write(view));
        }
        Evaluation.Report report = Evaluation.run(engine.get(), questions);
        return new Response(
                OK,
                PlaygroundViews.write(
                        views.evaluation(report, engine.get().charter().version())));
    }

    /** The served charter's sections side by side in both languages, with the flags for the author. */
    Response sections() {
        return charter.engine()
                .map(engine -> new Response(OK, PlaygroundViews.write(views.sections(engine.charter()))))
                .orElseGet(() -> error(CONFLICT, "error.no-charter"));
    }

    /** The page's sentences in both languages. */
    Response messages() {
        return new Response(OK, PlaygroundViews.write(PlaygroundMessages.all()));
    }

    /** A refusal the page shows in its language: the status and the key of its sentence. */
    static Response error(int status, String key) {
        JsonObject view = new JsonObject();
        view.addProperty("error", key);
        return new Response(status, PlaygroundViews.write(view));
    }

    /** What a page posts: a text (or a click's value), maybe an action id, maybe a reply language. */
    private record Request(String text, String actionId, Optional<Language> language) {

        static Request read(String body, String textField) {
            if (body.length() > 4 * MAX_TEXT) {
                throw new BadRequest(CONTENT_TOO_LARGE, "error.too-long");
            }
            JsonObject json = object(body);
            String text = string(json, textField);
            if (text == null) {
                throw new BadRequest(BAD_REQUEST, "error.bad-request");
            }
            if (text.length() > MAX_TEXT) {
                throw new BadRequest(CONTENT_TOO_LARGE, "error.too-long");
            }
            String lang = Optional.ofNullable(string(json, "lang")).orElse("");
            Optional<Language> language = lang.isEmpty() ? Optional.empty() : Language.fromTag(lang);
            if (!lang.isEmpty() && language.isEmpty()) {
                throw new BadRequest(BAD_REQUEST, "error.bad-request");
            }
            return new Request(
                    text, Optional.ofNullable(string(json, "actionId")).orElse(""), language);
        }

        /** The body as one JSON object, read strictly (nothing after it); else 400. */
        private static JsonObject object(String body) {
            try (JsonReader reader = new JsonReader(new StringReader(body))) {
                reader.setStrictness(Strictness.STRICT);
                JsonElement json = JsonParser.parseReader(reader);
                if (!json.isJsonObject() || reader.peek() != JsonToken.END_DOCUMENT) {
                    throw new BadRequest(BAD_REQUEST, "error.bad-request");
                }
                return json.getAsJsonObject();
            } catch (JsonParseException | IOException e) {
                throw new BadRequest(BAD_REQUEST, "error.bad-request");
            }
        }

        /** The field's text when it is a JSON string, else null. */
        private static String string(JsonObject json, String field) {
            JsonElement value = json.get(field);
            return value != null
                            && value.isJsonPrimitive()
                            && value.getAsJsonPrimitive().isString()
                    ? value.getAsString()
                    : null;
        }
    }

    /** A request the page should not have sent; answered with the status and a message key, never a stack trace. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int status;
        final String key;

        BadRequest(int status, String key) {
            super(key, null, false, false);
            this.status = status;
            this.key = key;
        }
    }
}
