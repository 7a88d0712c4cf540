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
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON the playground's page reads. Replies are shown exactly as the platforms get them: the
 * Block Kit blocks of the Slack adapter's {@link BlockKitRenderer} and the Adaptive Card of the
 * Teams adapter's {@link AdaptiveCardRenderer}, which the page lays out as HTML (escaping every
 * text: it never inserts markup). Stateless.
 */
final class PlaygroundViews {

    /** Sections with fewer phrasings than this in a language are flagged: 8 to 10 real ones make answers right. */
    static final int RECOMMENDED_PHRASINGS = 10;

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockKitRenderer slack = new BlockKitRenderer();
    private final AdaptiveCardRenderer teams = new AdaptiveCardRenderer();
    private final Gson gson = GsonFactory.createSnakeCase();

    /** Each reply as Slack and Teams would show it. */
    ArrayNode replies(List<Reply> replies) {
        ArrayNode list = JSON.createArrayNode();
        for (Reply reply : replies) {
            ObjectNode item = list.addObject();
            item.put("delivery", reply.delivery().name());
            item.put("language", reply.language().tag());
            item.set("slack", JSON.readTree(gson.toJson(slack.render(reply))));
            item.put("slackText", slack.fallbackText(reply));
            item.set("teams", JSON.readTree(teams.card(reply).toString()));
        }
        return list;
    }

    /** The ranking behind an answer: each section with its title, score (also relative to the best), coverage and words. */
    ObjectNode trace(AnswerTrace trace, Charter charter) {
        Answer answer = trace.answer();
        ObjectNode view = JSON.createObjectNode();
        view.put("tier", answer.tier().name());
        view.put("confidence", answer.confidence());
        view.put("language", answer.replyLanguage().tag());
        view.put("issue", answer.issue().name());
        List<String> shown = answer.shownSectionIds();
        double best = trace.ranked().isEmpty() ? 0 : trace.ranked().get(0).score();
        ArrayNode ranked = view.putArray("ranked");
        for (AnswerTrace.Ranked section : trace.ranked()) {
            ObjectNode item = ranked.addObject();
            item.put("id", section.sectionId());
            item.put(
                    "title",
                    charter.section(section.sectionId(), answer.replyLanguage())
                            .map(Section::title)
                            .orElse(section.sectionId()));
            item.put("notCovered", section.notCovered());
            item.put("score", section.score());
            item.put("relative", best <= 0 ? 0 : section.score() / best);
            item.put("coverage", section.coverage());
            item.put("shown", shown.contains(section.sectionId()));
            item.put(
                    "cited",
                    answer.citation() != null && answer.citation().sectionId().equals(section.sectionId()));
            ArrayNode words = item.putArray("words");
            section.matchedWords().forEach(words::add);
        }
        return view;
    }

    /** The state of the charter, problems in both languages so that the page can switch without asking again. */
    ObjectNode state(LiveCharter.State state) {
        ObjectNode view = JSON.createObjectNode();
        view.put("revision", state.revision());
        view.put("checkedAt", state.checkedAt().toString());
        view.put("source", state.source());
        view.put("watching", state.watching());
        state.version().ifPresentOrElse(version -> view.put("version", version), () -> view.putNull("version"));
        view.put("sections", state.sections());
        view.put("keptEarlier", state.keptEarlier());
        view.put("loading", state.loading());
        ArrayNode problems = view.putArray("problems");
        for (CharterProblem problem : state.problems()) {
            ObjectNode item = problems.addObject();
            item.put("file", problem.file());
            item.put("line", problem.line());
            ObjectNode message = item.putObject("message");
            for (Language language : Language.values()) {
                message.put(language.tag(), problem.message(language));
            }
        }
        return view;
    }

    /** Metrics per language and overall, and every question with how it went. */
    ObjectNode evaluation(Evaluation.Report report, String charterVersion) {
        ObjectNode view = JSON.createObjectNode();
        view.put("charterVersion", charterVersion);
        ArrayNode metrics = view.putArray("metrics");
        for (Language language : Language.values()) {
            if (report.outcomes().stream().anyMatch(o -> o.question().language() == language)) {
                metrics(metrics.addObject(), language.tag(), report.of(language));
            }
        }
        metrics(metrics.addObject(), "all", report.overall());
        ArrayNode outcomes = view.putArray("outcomes");
        int index = 0;
        for (Evaluation.Outcome outcome : report.outcomes()) {
            index++;
            ObjectNode item = outcomes.addObject();
            item.put("index", index);
            item.put("text", outcome.question().text());
            item.put("language", outcome.question().language().tag());
            ArrayNode expected = item.putArray("expected");
            outcome.question().expected().forEach(expected::add);
            item.put("tier", outcome.answer().tier().name());
            item.put("confidence", outcome.answer().confidence());
            ArrayNode shown = item.putArray("shown");
            outcome.answer().shownSectionIds().forEach(shown::add);
            item.put("rank", outcome.rank());
            item.put("failed", outcome.failed());
            item.put("kind", kind(outcome));
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

    private static void metrics(ObjectNode view, String label, Evaluation.Metrics metrics) {
        view.put("label", label);
        view.put("n", metrics.n());
        view.put("answeredAt1", metrics.answeredAt1());
        view.put("hitAt3", metrics.hitAt3());
        view.put("mrr", metrics.mrr());
        view.put("wrong", metrics.wrong());
        view.put("abstain", metrics.abstain());
    }

    /** Every section and not-covered entry side by side in both languages, with what needs the author's attention. */
    ObjectNode sections(Charter charter) {
        ObjectNode view = JSON.createObjectNode();
        view.put("version", charter.version());
        view.put("recommendedPhrasings", RECOMMENDED_PHRASINGS);
        ArrayNode list = view.putArray("sections");
        for (Section english : charter.sections(Language.EN)) {
            Optional<Section> french = charter.section(english.id(), Language.FR);
            ObjectNode item = list.addObject();
            item.put("id", english.id());
            item.put("notCovered", english.isNotCovered());
            ArrayNode related = item.putArray("related");
            english.related().forEach(related::add);
            section(item.putObject("en"), english);
            french.ifPresent(section -> section(item.putObject("fr"), section));
            ArrayNode flags = item.putArray("flags");
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

    private static void section(ObjectNode view, Section section) {
        view.put("title", section.title());
        view.put("rule", section.rule());
        view.put("file", section.source());
        strings(view.putArray("checklist"), section.checklist());
        strings(view.putArray("dos"), section.dos());
        strings(view.putArray("donts"), section.donts());
        strings(view.putArray("questions"), section.questions());
        strings(view.putArray("tips"), section.tips());
        ArrayNode quiz = view.putArray("quiz");
        for (QuizQuestion question : section.quiz()) {
            ObjectNode item = quiz.addObject();
            item.put("text", question.text());
            strings(item.putArray("options"), question.options());
            item.put("correct", question.correctIndex());
            item.put("explanation", question.explanation());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    static String write(JsonNode node) {
        return JSON.writeValueAsString(node);
    }
}
