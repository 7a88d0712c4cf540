package com.charterbot.core.eval;

import com.charterbot.core.charter.Signal;
import com.charterbot.core.check.CheckDraft;
import com.charterbot.core.check.Draft;
import com.charterbot.core.check.DraftReport;
import com.charterbot.core.check.Finding;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs labelled drafts through the checker as production does and computes the metrics of the
 * draft-checker issue:
 *
 * <ul>
 *   <li>{@code recall_stop}: the share of {@code stop} drafts given at least one STOP finding;
 *   <li>{@code precision}: the share of findings on risky ({@code stop} and {@code caution}) drafts
 *       whose section is one of the draft's {@code topics};
 *   <li>{@code false_alarm_clean}: the share of {@code clean} drafts given any STOP or CAUTION finding.
 * </ul>
 */
public final class DraftEvaluation {

    /** One draft's outcome. */
    public record Outcome(EvalDraft draft, DraftReport report) {

        public boolean stopFound() {
            return report.findings().stream().anyMatch(finding -> finding.level() == Signal.Level.STOP);
        }

        public boolean alarm() {
            return report.needsChanges();
        }

        /** The findings whose section is not among the draft's topics. */
        public List<Finding> wrongFindings() {
            return report.findings().stream()
                    .filter(finding ->
                            !draft.topics().contains(finding.section().sectionId()))
                    .toList();
        }

        /** Whether this outcome counts against the checker: a stop missed, a false alarm, a finding off topic. */
        public boolean failed() {
            return switch (draft.risk()) {
                case STOP -> !stopFound() || !wrongFindings().isEmpty();
                case CAUTION -> !wrongFindings().isEmpty();
                case CLEAN -> alarm();
            };
        }
    }

    /** The metrics of a set of outcomes. */
    public record Metrics(int n, double recallStop, double precision, double falseAlarmClean) {

        public static Metrics of(List<Outcome> outcomes) {
            List<Outcome> stops = outcomes.stream()
                    .filter(o -> o.draft().risk() == EvalDraft.Risk.STOP)
                    .toList();
            List<Outcome> clean = outcomes.stream()
                    .filter(o -> o.draft().risk() == EvalDraft.Risk.CLEAN)
                    .toList();
            long findings = 0;
            long right = 0;
            for (Outcome outcome : outcomes) {
                if (outcome.draft().risky()) {
                    findings += outcome.report().findings().size();
                    right += outcome.report().findings().size()
                            - outcome.wrongFindings().size();
                }
            }
            return new Metrics(
                    outcomes.size(),
                    share(stops, Outcome::stopFound),
                    findings == 0 ? 0 : (double) right / findings,
                    share(clean, Outcome::alarm));
        }

        private static double share(List<Outcome> outcomes, Predicate<Outcome> test) {
            return outcomes.isEmpty()
                    ? 0
                    : (double) outcomes.stream().filter(test).count() / outcomes.size();
        }

        /** The report line, e.g. {@code check-eval: n=98 recall_stop=0.93 precision=0.91 false_alarm_clean=0.04}. */
        public String line(String label) {
            return String.format(
                    Locale.ROOT,
                    "%s: n=%d recall_stop=%.2f precision=%.2f false_alarm_clean=%.2f",
                    label,
                    n,
                    recallStop,
                    precision,
                    falseAlarmClean);
        }
    }

    /** All outcomes and their metrics, per language and overall. */
    public record Report(List<Outcome> outcomes) {

        public Metrics overall() {
            return Metrics.of(outcomes);
        }

        public Metrics of(Language language) {
            return Metrics.of(outcomes.stream()
                    .filter(o -> o.draft().language() == language)
                    .toList());
        }

        /** One line per language that has drafts, then the overall line, which is last. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (Language language : Language.values()) {
                if (outcomes.stream().anyMatch(o -> o.draft().language() == language)) {
                    lines.add(of(language).line("check-eval[" + language.tag() + "]"));
                }
            }
            lines.add(overall().line("check-eval"));
            return lines;
        }
    }

    private DraftEvaluation() {}

    public static Report run(CheckDraft checker, List<EvalDraft> drafts) {
        List<Outcome> outcomes = new ArrayList<>();
        for (EvalDraft draft : drafts) {
            outcomes.add(new Outcome(draft, checker.check(Draft.of(draft.text(), Optional.empty()))));
        }
        return new Report(outcomes);
    }
}
