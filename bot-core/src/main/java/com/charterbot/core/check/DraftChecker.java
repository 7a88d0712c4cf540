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
 * turns its stops into tips: the draft already does what the section asks, so the finding only
 * reminds of it (until 2026-12-08 a caution, which alarmed clean drafts such as results reshared with
 * the official release; on dev5 to dev18 left out, false alarms en 0.12 to 0.07, fr 0.12 to 0.09,
 * recall and precision unchanged). What the charter's example posts teach ({@link PostClassifier}) adds
 * a STOP that no signal made, for a draft that reads like the risky examples. The signals of a charter
 * version are compiled, and its models trained, once, when the first draft meets it; a reloaded
 * charter is picked up by the next check.
 */
public final class DraftChecker implements CheckDraft {

    /** At most this many quotes of the draft per finding. */
    static final int MAX_TRIGGERS = 3;

    /**
     * A draft of fewer words gets no learned STOP when no signal cautions about it: each of its few
     * words weighs so much that one word the risky examples often use ("direction") made a STOP of
     * "La direction a présenté le plan de charge". No labelled draft that a learned STOP found is
     * this short. 8 until the example posts grew to 939 (2026-12-08), when "Bravo à la direction pour
     * le nouveau réfectoire !" (8 words, 0.61 of probability) became a STOP; the two labelled STOP
     * drafts under 10 words are found by signals.
     */
    static final int MIN_LEARNED_WORDS = 10;

    /**
     * A draft that already does what one of the sections it most likely concerns asks (that
     * section's {@code unless} matched) gets no learned STOP: these many sections, ranked by the
     * sections' model. Until 2026-12-08 only the first counted, and a careful photo post ("screens
     * off, everyone's OK") got a STOP in confidentiality once a round of signals moved the model. On
     * dev5 to dev20 left out, 1 to 3 sections: false alarms en 0.058 to 0.049, fr 0.071 to 0.067,
     * recall unchanged (4: fr 0.062; 5 lost French recall).
     */
    static final int CAREFUL_SECTIONS = 3;

    private final Supplier<Charter> charter;
    private final Language defaultLanguage;
    private final DraftFindings findings;
    private final LanguageDetector detector = new LanguageDetector();
    private final AtomicReference<Compiled> compiled = new AtomicReference<>();

    /** What is built once per charter version: its signals, and what its example posts teach. */
    private record Compiled(SignalIndex signals, PostClassifier posts) {}

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
        Compiled compiled = compiled();
        SignalIndex signals = compiled.signals();
        Charter current = signals.charter();
        String text = draft.text();
        Language language = draft.language()
                .or(() -> detector.detect(text))
                .or(draft::fallbackLanguage)
                .orElse(defaultLanguage);
        DraftText read = DraftText.read(text, signals.context(), draft.mediaAttached());
        SignalIndex.Matches matches = signals.match(read);
        List<Finding> found = findings(signals, compiled.posts(), text, read, matches, language);
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

    /** The compiled signals and trained models of the charter in use, built again when the charter changed. */
    private Compiled compiled() {
        Charter current = charter.get();
        Compiled built = compiled.get();
        if (built == null || built.signals().charter() != current) {
            built = new Compiled(SignalIndex.of(current), PostClassifier.train(current));
            compiled.set(built);
        }
        return built;
    }

    /**
     * One finding per section, the most serious level its signals reached, most serious first. When no
     * signal makes a STOP and the draft reads like the example STOP posts, one section gets a STOP
     * ({@link #learnedStop}), quoting the words that weighed most.
     */
    private static List<Finding> findings(
            SignalIndex signals,
            PostClassifier posts,
            String text,
            DraftText read,
            SignalIndex.Matches matches,
            Language language) {
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
        boolean stop = false;
        for (int i = 0; i < sections; i++) {
            if (levels[i] != null && lowered[i]) {
                levels[i] = levels[i] == Signal.Level.STOP ? Signal.Level.TIP : null;
            }
            stop |= levels[i] == Signal.Level.STOP;
        }
        List<String> learned = List.of();
        int learnedSection = stop || !read.hasWords() ? -1 : learnedStop(signals, posts, text, levels, lowered);
        if (learnedSection >= 0) {
            levels[learnedSection] = Signal.Level.STOP;
            learned = posts.evidence(text);
        }
        Charter charter = signals.charter();
        List<Finding> result = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            Signal.Level level = levels[i];
            if (level == null) {
                continue;
            }
            Optional<Section> section = charter.section(signals.sectionIds().get(i), language);
            if (section.isEmpty()) {
                continue;
            }
            List<String> triggers = triggers(read, quotes.get(i));
            if (i == learnedSection) {
                triggers = quoted(triggers, learned);
            }
            result.add(new Finding(
                    level,
                    citation(charter, section.get()),
                    triggers,
                    advice(charter, section.get()),
                    i == learnedSection));
        }
        result.sort(Comparator.comparing(Finding::level));
        return result;
    }

    /**
     * The section that what the example posts taught raises to STOP, or -1. A section a signal already
     * cautions about, or gives a tip on, needs less (the two pieces of evidence agree): the one the
     * sections' model ranks first among them, when the draft is likely enough a STOP post. Tips count
     * since a photo at work is a tip, not a caution (2026-12-08): raised this way, a photo post that
     * reads like the risky examples still gets its STOP in the photos section. Otherwise, a draft likely enough
     * a STOP post ({@link PostClassifier#STOP_PROBABILITY}) and at least {@link #MIN_LEARNED_WORDS}
     * long gets the section the model ranks first, unless the {@code unless} of one of the
     * {@link #CAREFUL_SECTIONS} it ranks first matched (the draft already does what it asks).
     */
    private static int learnedStop(
            SignalIndex signals, PostClassifier posts, String text, Signal.Level[] levels, boolean[] lowered) {
        List<Integer> raised = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            if ((levels[i] == Signal.Level.CAUTION || levels[i] == Signal.Level.TIP) && !lowered[i]) {
                raised.add(i);
            }
        }
        double stop = posts.stopProbability(text);
        List<String> ids = signals.sectionIds();
        if (!raised.isEmpty() && stop > PostClassifier.CONFIRMS_CAUTION) {
            List<String> likely = posts.topics(text);
            return raised.stream()
                    .min(Comparator.comparingInt((Integer i) -> {
                        int rank = likely.indexOf(ids.get(i));
                        return rank < 0 ? Integer.MAX_VALUE : rank;
                    }))
                    .orElseThrow();
        }
        if (stop > PostClassifier.STOP_PROBABILITY
                && PostClassifier.writtenWords(text).size() >= MIN_LEARNED_WORDS) {
            List<String> likely = posts.topics(text);
            for (String id : likely.subList(0, Math.min(CAREFUL_SECTIONS, likely.size()))) {
                int ranked = ids.indexOf(id);
                if (ranked >= 0 && lowered[ranked]) {
                    return -1;
                }
            }
            return likely.isEmpty() ? -1 : ids.indexOf(likely.get(0));
        }
        return -1;
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

    /** The signals' quotes, then the learned ones they do not hold, at most {@link #MAX_TRIGGERS}. */
    private static List<String> quoted(List<String> fromSignals, List<String> learned) {
        Set<String> quotes = new LinkedHashSet<>(fromSignals);
        for (String word : learned) {
            if (quotes.size() == MAX_TRIGGERS) {
                break;
            }
            if (quotes.stream().noneMatch(quote -> quote.contains(word))) {
                quotes.add(UserText.echo(word, Finding.MAX_TRIGGER - 1));
            }
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
