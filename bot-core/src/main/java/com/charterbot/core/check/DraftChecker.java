package com.charterbot.core.check;

import com.charterbot.core.answer.Citation;
import com.charterbot.core.answer.LanguageDetector;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.Section;
import com.charterbot.core.charter.Signal;
import com.charterbot.core.text.UserText;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Checks drafts against the current charter's signals, in both languages at once (posts mix them).
 *
 * <p>For each section, the most serious of its signals found in the draft makes a finding; an
 * {@code unless} pattern of the section found anywhere in the draft drops its cautions and tips and
 * turns its stops into cautions. The signals of a charter version are compiled once, when the first
 * draft meets it; a reloaded charter is picked up by the next check.
 */
public final class DraftChecker implements CheckDraft {

    /** At most this many quotes of the draft per finding. */
    static final int MAX_TRIGGERS = 3;

    private final Supplier<Charter> charter;
    private final Language defaultLanguage;
    private final DraftFindings findings;
    private final LanguageDetector detector = new LanguageDetector();
    private final AtomicReference<SignalIndex> index = new AtomicReference<>();

    /**
     * @param charter the charter in use, asked at every check (answers' engine swaps it on reload)
     * @param defaultLanguage the report's language when neither the person nor the draft tells
     */
    public DraftChecker(Supplier<Charter> charter, Language defaultLanguage, DraftFindings findings) {
        this.charter = Objects.requireNonNull(charter, "charter");
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    @Override
    public DraftReport check(Draft draft) {
        SignalIndex signals = index();
        Charter current = signals.charter();
        String text = draft.text();
        Language language = draft.language()
                .or(() -> detector.detect(text))
                .or(draft::fallbackLanguage)
                .orElse(defaultLanguage);
        DraftText read = DraftText.read(text, signals.context(), draft.mediaAttached());
        SignalIndex.Matches matches = signals.match(read);
        List<Finding> found = findings(signals, read, matches, language);
        List<AlwaysCheck> always = new ArrayList<>();
        for (Section section : current.sections(language)) {
            section.signals().always().ifPresent(line -> always.add(new AlwaysCheck(line, citation(current, section))));
        }
        DraftReport report = new DraftReport(
                language,
                found,
                always,
                !read.hasWords() && !draft.mediaAttached(),
                draft.truncated(),
                current.version());
        this.findings.checked(report.verdict());
        report.findings()
                .forEach(finding -> this.findings.found(finding.section().sectionId(), finding.level()));
        return report;
    }

    /** The compiled signals of the charter in use, compiled again when the charter changed. */
    private SignalIndex index() {
        Charter current = charter.get();
        SignalIndex compiled = index.get();
        if (compiled == null || compiled.charter() != current) {
            compiled = SignalIndex.of(current);
            index.set(compiled);
        }
        return compiled;
    }

    /** One finding per section, the most serious level its signals reached, most serious first. */
    private static List<Finding> findings(
            SignalIndex signals, DraftText read, SignalIndex.Matches matches, Language language) {
        int sections = signals.sectionIds().size();
        Signal.Level[] levels = new Signal.Level[sections];
        boolean[] lowered = new boolean[sections];
        List<List<int[]>> quotes = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            quotes.add(new ArrayList<>());
        }
        for (SignalIndex.Rule rule : signals.rules()) {
            if (!matches.matched(rule)) {
                continue;
            }
            if (rule.unless()) {
                lowered[rule.section()] = true;
                continue;
            }
            Signal.Level level = rule.level();
            if (levels[rule.section()] == null || level.compareTo(levels[rule.section()]) < 0) {
                levels[rule.section()] = level;
            }
            for (SignalIndex.Part part : rule.parts()) {
                int[] span = matches.span(part);
                if (span != null) {
                    quotes.get(rule.section()).add(span);
                }
            }
        }
        Charter charter = signals.charter();
        List<Finding> result = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            Signal.Level level = levels[i];
            if (level != null && lowered[i]) {
                level = level == Signal.Level.STOP ? Signal.Level.CAUTION : null;
            }
            if (level == null) {
                continue;
            }
            Optional<Section> section = charter.section(signals.sectionIds().get(i), language);
            if (section.isEmpty()) {
                continue;
            }
            result.add(new Finding(
                    level,
                    citation(charter, section.get()),
                    triggers(read, quotes.get(i)),
                    advice(charter, section.get())));
        }
        result.sort(Comparator.comparing(Finding::level));
        return result;
    }

    /** The draft's words behind a finding: in the draft's order, the longest of overlapping ones, each once, the first few. */
    private static List<String> triggers(DraftText read, List<int[]> spans) {
        List<int[]> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingInt((int[] span) -> span[0]).thenComparingInt(span -> -span[1]));
        Set<String> quotes = new LinkedHashSet<>();
        int coveredUntil = -1;
        for (int[] span : ordered) {
            if (quotes.size() == MAX_TRIGGERS) {
                break;
            }
            if (span[0] < coveredUntil) {
                continue;
            }
            quotes.add(UserText.echo(read.quote(span[0], span[1]), Finding.MAX_TRIGGER - 1));
            coveredUntil = span[1];
        }
        return List.copyOf(quotes);
    }

    /** The section's advice (the loader makes every language of a section with signals give one), else its rule. */
    private static String advice(Charter charter, Section section) {
        return section.signals().advice().isBlank()
                ? section.rule()
                : section.signals().advice();
    }

    private static Citation citation(Charter charter, Section section) {
        return new Citation(
                section.id(),
                section.title(),
                charter.settings().linkTo(section.id()).orElse(null));
    }
}
