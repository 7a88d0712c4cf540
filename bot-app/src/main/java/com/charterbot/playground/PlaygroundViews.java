package com.charterbot.playground;

import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.AnswerTrace;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterProblem;
import com.charterbot.core.charter.QuizQuestion;
import com.charterbot.core.charter.Section;
import com.charterbot.core.eval.Evaluation;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import com.charterbot.slack.BlockKitRenderer;
import com.charterbot.teams.AdaptiveCardRenderer;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import java.util.Optional;

/**
 * The JSON the playground's page reads. Replies are shown exactly as the platforms get them: the
 * Block Kit blocks of the Slack adapter's {@link BlockKitRenderer} and the Adaptive Card of the
 * Teams adapter's {@link AdaptiveCardRenderer}, which the page lays out as HTML (escaping every
 * text: it never inserts markup). Stateless.
 *
 * <p>Written with Gson, which the Slack renderer's JSON needs anyway: one JSON library loaded
 * rather than two makes the page ready sooner (about 650 fewer classes loaded at its start).
 */
final class PlaygroundViews {

    /** Sections with fewer phrasings than this in a language are flagged: 8 to 10 real ones make answers right. */
    static final int RECOMMENDED_PHRASINGS = 10;

    /** Nulls written as such: the page tells "no trace" and "no version yet" from a missing field. */
    private static final Gson JSON = new GsonBuilder().serializeNulls().create();

    private final BlockKitRenderer slack = new BlockKitRenderer();
    private final AdaptiveCardRenderer teams = new AdaptiveCardRenderer();
    private final Gson gson = GsonFactory.createSnakeCase();

    /** Each reply as Slack and Teams would show it. */
    JsonArray replies(List<Reply> replies) {
        JsonArray list = new JsonArray();
        for (Reply reply : replies) {
            JsonObject item = object(list);
            item.addProperty("delivery", reply.delivery().name());
            item.addProperty("language", reply.language().tag());
            item.add("slack", gson.toJsonTree(slack.render(reply)));
            item.addProperty("slackText", slack.fallbackText(reply));
            item.add("teams", JsonParser.parseString(teams.card(reply).toString()));
        }
        return list;
    }

    /** The ranking behind an answer: each section with its title, score (also relative to the best), coverage and words. */
    JsonObject trace(AnswerTrace trace, Charter charter) {
        Answer answer = trace.answer();
        JsonObject view = new JsonObject();
        view.addProperty("tier", answer.tier().name());
        view.addProperty("confidence", answer.confidence());
        view.addProperty("language", answer.replyLanguage().tag());
        view.addProperty("issue", answer.issue().name());
        List<String> shown = answer.shownSectionIds();
        double best = trace.ranked().isEmpty() ? 0 : trace.ranked().get(0).score();
        JsonArray ranked = array(view, "ranked");
        for (AnswerTrace.Ranked section : trace.ranked()) {
            JsonObject item = object(ranked);
            item.addProperty("id", section.sectionId());
            item.addProperty(
                    "title",
                    charter.section(section.sectionId(), answer.replyLanguage())
                            .map(Section::title)
                            .orElse(section.sectionId()));
            item.addProperty("notCovered", section.notCovered());
            item.addProperty("score", section.score());
            item.addProperty("relative", best <= 0 ? 0 : section.score() / best);
            item.addProperty("coverage", section.coverage());
            item.addProperty("shown", shown.contains(section.sectionId()));
            item.addProperty(
                    "cited",
                    answer.citation() != null && answer.citation().sectionId().equals(section.sectionId()));
            JsonArray words = array(item, "words");
            section.matchedWords().forEach(words::add);
        }
        return view;
    }

    /** The state of the charter, problems in both languages so that the page can switch without asking again. */
    JsonObject state(LiveCharter.State state) {
        JsonObject view = new JsonObject();
        view.addProperty("revision", state.revision());
        view.addProperty("checkedAt", state.checkedAt().toString());
        view.addProperty("source", state.source());
        view.addProperty("watching", state.watching());
        state.version()
                .ifPresentOrElse(
                        version -> view.addProperty("version", version), () -> view.add("version", JsonNull.INSTANCE));
        view.addProperty("sections", state.sections());
        view.addProperty("keptEarlier", state.keptEarlier());
        view.addProperty("loading", state.loading());
        JsonArray problems = array(view, "problems");
        for (CharterProblem problem : state.problems()) {
            JsonObject item = object(problems);
            item.addProperty("file", problem.file());
            item.addProperty("line", problem.line());
            JsonObject message = object(item, "message");
            for (Language language : Language.values()) {
                message.addProperty(language.tag(), problem.message(language));
            }
        }
        return view;
    }

    /** Metrics per language and overall, and every question with how it went. */
    JsonObject evaluation(Evaluation.Report report, String charterVersion) {
        JsonObject view = new JsonObject();
        view.addProperty("charterVersion", charterVersion);
        JsonArray metrics = array(view, "metrics");
        for (Language language : Language.values()) {
            if (report.outcomes().stream().anyMatch(o -> o.question().language() == language)) {
                metrics(object(metrics), language.tag(), report.of(language));
            }
        }
        metrics(object(metrics), "all", report.overall());
        JsonArray outcomes = array(view, "outcomes");
        int index = 0;
        for (Evaluation.Outcome outcome : report.outcomes()) {
            index++;
            JsonObject item = object(outcomes);
            item.addProperty("index", index);
            item.addProperty("text", outcome.question().text());
            item.addProperty("language", outcome.question().language().tag());
            JsonArray expected = array(item, "expected");
            outcome.question().expected().forEach(expected::add);
            item.addProperty("tier", outcome.answer().tier().name());
            item.addProperty("confidence", outcome.answer().confidence());
            JsonArray shown = array(item, "shown");
            outcome.answer().shownSectionIds().forEach(shown::add);
            item.addProperty("rank", outcome.rank());
            item.addProperty("failed", outcome.failed());
            item.addProperty("kind", kind(outcome));
        }
        return view;
    }

    /** What went wrong with an outcome, for the table of misses; "ok" when nothing did. */
    static String kind(Evaluation.Outcome outcome) {
        if (!outcome.failed()) {
            return "ok";
        }
        if (!outcome.question().inScope()) {
            return "answered-out-of-scope";
        }
        return outcome.confident() ? "wrong" : "not-answered";
    }

    private static void metrics(JsonObject view, String label, Evaluation.Metrics metrics) {
        view.addProperty("label", label);
        view.addProperty("n", metrics.n());
        metric(view, "answeredAt1", metrics.answeredAt1());
        metric(view, "hitAt3", metrics.hitAt3());
        metric(view, "mrr", metrics.mrr());
        metric(view, "wrong", metrics.wrong());
        metric(view, "abstain", metrics.abstain());
    }

    /** A metric, null when it has no meaning for the set (NaN: no question of its kind), which JSON cannot write. */
    private static void metric(JsonObject view, String name, double value) {
        if (Double.isNaN(value)) {
            view.add(name, JsonNull.INSTANCE);
        } else {
            view.addProperty(name, value);
        }
    }

    /** Every section and not-covered entry side by side in both languages, with what needs the author's attention. */
    JsonObject sections(Charter charter) {
        JsonObject view = new JsonObject();
        view.addProperty("version", charter.version());
        view.addProperty("recommendedPhrasings", RECOMMENDED_PHRASINGS);
        JsonArray list = array(view, "sections");
        for (Section english : charter.sections(Language.EN)) {
            Optional<Section> french = charter.section(english.id(), Language.FR);
            JsonObject item = object(list);
            item.addProperty("id", english.id());
            item.addProperty("notCovered", english.isNotCovered());
            JsonArray related = array(item, "related");
            english.related().forEach(related::add);
            section(object(item, "en"), english);
            french.ifPresent(section -> section(object(item, "fr"), section));
            JsonArray flags = array(item, "flags");
            if (english.questions().size() < RECOMMENDED_PHRASINGS) {
                flags.add("few-phrasings-en");
            }
            if (french.isPresent() && french.get().questions().size() < RECOMMENDED_PHRASINGS) {
                flags.add("few-phrasings-fr");
            }
            if (french.isEmpty() || untranslated(english, french.get())) {
                flags.add("no-french");
            }
        }
        return view;
    }

    /** A French version that is the English one copied: same title or same rule. */
    static boolean untranslated(Section english, Section french) {
        return english.title().strip().equalsIgnoreCase(french.title().strip())
                || english.rule().strip().equals(french.rule().strip());
    }

    private static void section(JsonObject view, Section section) {
        view.addProperty("title", section.title());
        view.addProperty("rule", section.rule());
        view.addProperty("file", section.source());
        strings(array(view, "checklist"), section.checklist());
        strings(array(view, "dos"), section.dos());
        strings(array(view, "donts"), section.donts());
        strings(array(view, "questions"), section.questions());
        strings(array(view, "tips"), section.tips());
        JsonArray quiz = array(view, "quiz");
        for (QuizQuestion question : section.quiz()) {
            JsonObject item = object(quiz);
            item.addProperty("text", question.text());
            strings(array(item, "options"), question.options());
            item.addProperty("correct", question.correctIndex());
            item.addProperty("explanation", question.explanation());
        }
    }

    private static void strings(JsonArray array, List<String> values) {
        values.forEach(array::add);
    }

    static String write(JsonElement json) {
        return JSON.toJson(json);
    }

    /** A new array, added to {@code parent} as {@code name}. */
    static JsonArray array(JsonObject parent, String name) {
        JsonArray array = new JsonArray();
        parent.add(name, array);
        return array;
    }

    /** A new object, added to {@code parent} as {@code name}. */
    static JsonObject object(JsonObject parent, String name) {
        JsonObject object = new JsonObject();
        parent.add(name, object);
        return object;
    }

    /** A new object, added at the end of {@code parent}. */
    static JsonObject object(JsonArray parent) {
        JsonObject object = new JsonObject();
        parent.add(object);
        return object;
    }
}
