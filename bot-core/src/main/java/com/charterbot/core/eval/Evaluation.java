package com.charterbot.core.eval;

import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.AnswerQuestion;
import com.charterbot.core.answer.Question;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs labelled questions through the engine exactly as production does (no preferred language)
 * and computes the metrics defined by the evaluation set.
 */
public final class Evaluation {

    /** One question's outcome. */
    public record Outcome(EvalQuestion question, Answer answer) {

        /** 1-based rank of the first expected section among those shown, or 0 when none is shown. */
        public int rank() {
            List<String> shown = answer.shownSectionIds();
            for (int i = 0; i < shown.size(); i++) {
                if (question.expected().contains(shown.get(i))) {
                    return i + 1;
                }
            }
            return 0;
        }

        public boolean confident() {
            return answer.tier() == Tier.ANSWER;
        }

        public boolean answeredCorrectly() {
            return confident() && question.expected().contains(answer.citation().sectionId());
        }

        /** Whether this outcome counts against the bot: a miss, a wrong answer, or an answer it should not have given. */
        public boolean failed() {
            return question.inScope() ? !answeredCorrectly() : confident();
        }
    }

    /**
     * The metrics of a set of outcomes, defined in {@code docs/evaluation.md}. A metric is NaN when
     * no question applies to it: answered@1, hit@3, mrr and wrong without an in-scope question,
     * abstain without an out-of-scope one.
     */
    public record Metrics(int n, double answeredAt1, double hitAt3, double mrr, double wrong, double abstain) {

        public static Metrics of(List<Outcome> outcomes) {
            List<Outcome> inScope =
                    outcomes.stream().filter(o -> o.question().inScope()).toList();
            List<Outcome> outOfScope =
                    outcomes.stream().filter(o -> !o.question().inScope()).toList();
            double answered = share(inScope, Outcome::answeredCorrectly);
            double hit = share(inScope, o -> o.rank() >= 1 && o.rank() <= 3);
            double mrr = inScope.isEmpty()
                    ? Double.NaN
                    : inScope.stream()
                                    .mapToDouble(o -> o.rank() == 0 ? 0 : 1.0 / o.rank())
                                    .sum()
                            / inScope.size();
            double wrong = share(inScope, o -> o.confident() && !o.answeredCorrectly());
            double abstain = share(outOfScope, o -> !o.confident());
            return new Metrics(outcomes.size(), answered, hit, mrr, wrong, abstain);
        }

        private static double share(List<Outcome> outcomes, java.util.function.Predicate<Outcome> test) {
            return outcomes.isEmpty()
                    ? Double.NaN
                    : (double) outcomes.stream().filter(test).count() / outcomes.size();
        }

        /** The report line, e.g. {@code eval: n=61 answered@1=0.90 ...}, with {@code -} for a metric that does not apply. */
        public String line(String label) {
            return String.format(
                    Locale.ROOT,
                    "%s: n=%d answered@1=%s hit@3=%s mrr=%s wrong=%s abstain=%s",
                    label,
                    n,
                    format(answeredAt1),
                    format(hitAt3),
                    format(mrr),
                    format(wrong),
                    format(abstain));
        }

        private static String format(double value) {
            return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
        }
    }

    /** All outcomes and their metrics, per language and overall. */
    public record Report(List<Outcome> outcomes) {

        public Metrics overall() {
            return Metrics.of(outcomes);
        }

        public Metrics of(Language language) {
            return Metrics.of(outcomes.stream()
                    .filter(o -> o.question().language() == language)
                    .toList());
        }

        /** One line per language that has questions, then the overall line, which is last. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (Language language : Language.values()) {
                if (outcomes.stream().anyMatch(o -> o.question().language() == language)) {
                    lines.add(of(language).line("eval[" + language.tag() + "]"));
                }
            }
            lines.add(overall().line("eval"));
            return lines;
        }
    }

    private Evaluation() {}

    public static Report run(AnswerQuestion engine, List<EvalQuestion> questions) {
        List<Outcome> outcomes = new ArrayList<>();
        for (EvalQuestion question : questions) {
            outcomes.add(new Outcome(question, engine.answer(new Question(question.text(), Optional.empty()))));
        }
        return new Report(outcomes);
    }
}
