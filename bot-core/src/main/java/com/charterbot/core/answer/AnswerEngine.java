package com.charterbot.core.answer;

import com.charterbot.core.charter.Calibration;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.Section;
import com.charterbot.core.charter.Vocabulary;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Answers questions from the current charter. A new charter version is indexed aside and swapped
 * in atomically, so questions in flight always see one whole version.
 */
public final class AnswerEngine implements AnswerQuestion {

    /** How many sections a reply shows at most: the answer and those that also apply, or suggestions. */
    static final int SHOWN = 3;
    /** A related runner-up also applies when its score is at least this share of the best section's... */
    static final double ALSO_APPLIES_SCORE = 0.25;
    /** ...and at least this share of the question's weight is about it more than about any other section. */
    static final double ALSO_APPLIES_OWNED = 0.05;

    private static final int CANDIDATES = 8;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}«\"])");

    private final TextAnalysis analysis = TextAnalysis.shared();
    private final LanguageDetector detector = new LanguageDetector();
    private final Language defaultLanguage;
    private final AtomicReference<AnswerIndex> index = new AtomicReference<>();
    /** The charter as installed, before the phrasings overlay. */
    private Charter base;

    private Map<Language, Map<String, List<String>>> phrasings = Map.of();

    /**
     * @param defaultLanguage the reply language when neither the user nor the question says
     */
    public AnswerEngine(Charter charter, Language defaultLanguage) {
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        install(charter);
    }

    /**
     * Initialises the text analysis and the index machinery ahead of the first engine. Optional:
     * a command-line run calls it on another thread so that this work overlaps its start-up.
     */
    public static void prepare() {
        TextAnalysis analysis = TextAnalysis.shared();
        AnswerIndex.warmUp(analysis);
        // Most charters use the default vocabulary: its lexicon is compiled once and reused.
        Lexicon.compile(Vocabulary.defaults(), analysis);
        Calibration.defaults();
    }

    /** Indexes this charter, with the phrasings overlay, and makes it the one answers come from. */
    public synchronized void install(Charter charter) {
        base = Objects.requireNonNull(charter, "charter");
        index.set(AnswerIndex.build(charter.withPhrasings(phrasings), analysis));
    }

    /**
     * Replaces the phrasings added to the installed charter (those approved in chat), by language and
     * section id, and indexes again: answers switch to the new index at once, as for a reload.
     */
    public synchronized void overlay(Map<Language, Map<String, List<String>>> approved) {
        phrasings = Map.copyOf(Objects.requireNonNull(approved, "approved"));
        index.set(AnswerIndex.build(base.withPhrasings(phrasings), analysis));
    }

    /**
     * Loads a charter and installs it only if it is valid: a broken charter never replaces the
     * one in use. The result lists every problem when it is rejected.
     */
    public LoadResult reload(CharterFiles files, CharterSettings settings) {
        LoadResult result = CharterLoader.load(files, settings);
        if (result instanceof LoadResult.Loaded loaded) {
            install(loaded.charter());
        }
        return result;
    }

    /** The reply language when neither the user, the question nor the client tells. */
    public Language defaultLanguage() {
        return defaultLanguage;
    }

    /** The charter answers currently come from. */
    public Charter charter() {
        return index.get().charter();
    }

    @Override
    public Answer answer(Question question) {
        AnswerIndex current = index.get();
        Charter charter = current.charter();
        String raw = question.text();
        // Markup does not count towards the limit, but a huge text is refused before any work on it.
        String cleaned = raw.length() > 4 * Question.MAX_LENGTH ? raw : QuestionText.clean(raw);
        int length = cleaned.codePointCount(0, cleaned.length());
        if (length > Question.MAX_LENGTH) {
            String sample = cleaned.substring(0, Math.min(cleaned.length(), Question.MAX_LENGTH));
            Language language = question.preferredLanguage()
                    .or(() -> detector.detect(sample))
                    .or(question::fallbackLanguage)
                    .orElse(defaultLanguage);
            String text = Messages.get(language, "answer.too-long", length, Question.MAX_LENGTH);
            return empty(charter, language, text, InputIssue.TOO_LONG);
        }
        Language language = question.preferredLanguage()
                .or(() -> detector.detect(cleaned))
                .or(question::fallbackLanguage)
                .orElse(defaultLanguage);
        if (!QuestionText.hasWords(cleaned)) {
            return empty(
                    charter,
                    language,
                    Messages.get(language, "answer.blank", charter.settings().companyName()),
                    InputIssue.BLANK);
        }
        AnswerIndex.Ranking ranking = current.search(cleaned, CANDIDATES);
        List<AnswerIndex.Candidate> candidates = ranking.candidates();
        List<AnswerIndex.Candidate> sections =
                candidates.stream().filter(c -> !c.section().isNotCovered()).toList();
        if (candidates.isEmpty()) {
            return fallback(charter, language, 0, sections, null);
        }
        AnswerIndex.Candidate top = candidates.get(0);
        double[] signals = signals(ranking);
        Calibration.Model calibration = charter.calibration().modelFor(signals);
        double confidence = calibration.probability(signals);
        if (top.section().isNotCovered()) {
            return fallback(charter, language, confidence, sections, top.section());
        }
        if (confidence >= calibration.answerAt()) {
            Section section = charter.section(top.section().id(), language).orElseThrow();
            List<AlsoApplies> alsoApplies = new ArrayList<>();
            List<AnswerIndex.Candidate> others = new ArrayList<>();
            for (AnswerIndex.Candidate candidate : sections.subList(1, sections.size())) {
                if (alsoApplies.size() < SHOWN - 1 && others.isEmpty() && alsoApplies(top, candidate)) {
                    Section other =
                            charter.section(candidate.section().id(), language).orElseThrow();
                    alsoApplies.add(new AlsoApplies(citation(charter, other), keyPoint(other)));
                } else {
                    others.add(candidate);
                }
            }
            return new Answer(
                    Tier.ANSWER,
                    language,
                    confidence,
                    citation(charter, section),
                    section.rule(),
                    section.checklist(),
                    section.dos(),
                    section.donts(),
                    alsoApplies,
                    citations(charter, language, others, SHOWN - 1 - alsoApplies.size()),
                    null,
                    InputIssue.NONE,
                    charter.version());
        }
        if (confidence >= calibration.suggestAt()) {
            return new Answer(
                    Tier.SUGGEST,
                    language,
                    confidence,
                    null,
                    Messages.get(language, "answer.suggest"),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    citations(charter, language, sections, SHOWN),
                    null,
                    InputIssue.NONE,
                    charter.version());
        }
        return fallback(charter, language, confidence, sections, null);
    }

    /**
     * The answer to a question with the ranking behind it: the sections it matched best, their
     * scores and the question's words each contains. For the charter playground, not for the
     * chat: it searches a second time and reads every word again.
     */
    public AnswerTrace trace(Question question) {
        AnswerIndex current = index.get();
        Answer answer = answer(question);
        if (answer.issue() != InputIssue.NONE) {
            return new AnswerTrace(answer, List.of());
        }
        String cleaned = QuestionText.clean(question.text());
        List<AnswerTrace.Ranked> ranked = current.search(cleaned, CANDIDATES).candidates().stream()
                .map(c -> new AnswerTrace.Ranked(
                        c.section().id(),
                        c.section().isNotCovered(),
                        c.score(),
                        c.coverage(),
                        current.matchedWords(cleaned, c.section().id())))
                .toList();
        return new AnswerTrace(answer, ranked);
    }

    /**
     * Whether a runner-up section applies as well as the best one, rather than being a mere
     * neighbour: the charter relates the two sections, the runner-up scores well, and part of the
     * question is about it more than about any other section ("photo" of "a colleague": photos,
     * and colleagues' privacy).
     */
    private static boolean alsoApplies(AnswerIndex.Candidate top, AnswerIndex.Candidate candidate) {
        boolean related = top.section().related().contains(candidate.section().id())
                || candidate.section().related().contains(top.section().id());
        return related
                && candidate.score() >= ALSO_APPLIES_SCORE * top.score()
                && candidate.owned() >= ALSO_APPLIES_OWNED;
    }

    /** The first sentence of a section's rule: what to remember from it. */
    static String keyPoint(Section section) {
        return SENTENCE_END.split(section.rule().strip(), 2)[0];
    }

    /** What the engine sees in a question: the sections it ranks, best first, and the signals its confidence is computed from. */
    public record Observation(List<String> ranked, double[] signals) {}

    /**
     * The ranking and the {@link Calibration#SIGNALS} of a question, as {@link #answer} computes them:
     * what {@code eval --calibrate} fits the calibration on.
     */
    public Observation observe(String text) {
        AnswerIndex.Ranking ranking = index.get().search(QuestionText.clean(text), CANDIDATES);
        return new Observation(
                ranking.candidates().stream().map(c -> c.section().id()).toList(), signals(ranking));
    }

    /** The signals of a ranking, in {@link Calibration#SIGNALS} order; their meaning is in {@code docs/answer-engine.md}. */
    static double[] signals(AnswerIndex.Ranking ranking) {
        List<AnswerIndex.Candidate> candidates = ranking.candidates();
        AnswerIndex.Candidate top = candidates.isEmpty() ? null : candidates.get(0);
        AnswerIndex.Candidate second = candidates.size() > 1 ? candidates.get(1) : null;
        double otherProbability = 0;
        for (int i = 1; i < candidates.size(); i++) {
            otherProbability = Math.max(otherProbability, candidates.get(i).probability());
        }
        return new double[] {
            top == null ? 0 : top.coverage(),
            top == null ? 0 : top.probability(),
            top == null ? 0 : top.relevance(),
            top == null ? 0 : second == null ? 1 : 1 - second.score() / top.score(),
            top == null ? 0 : top.probability() - otherProbability,
            ranking.known(),
            ranking.offTopic(),
            ranking.story() ? 1 : 0,
            Math.log(1 + ranking.words()),
            second == null ? 0 : second.coverage(),
            top == null ? 0 : top.sentenceCoverage(),
            top == null ? 0 : top.probability() + (second == null ? 0 : second.probability())
        };
    }

    private Answer fallback(
            Charter charter,
            Language language,
            double confidence,
            List<AnswerIndex.Candidate> sections,
            Section notCovered) {
        String text;
        Citation entry = null;
        if (notCovered != null) {
            Section localized = charter.section(notCovered.id(), language).orElseThrow();
            text = localized.rule();
            entry = new Citation(localized.id(), localized.title(), null);
        } else {
            text = Messages.get(language, "answer.fallback", charter.settings().communicationsContact());
        }
        return new Answer(
                Tier.FALLBACK,
                language,
                confidence,
                null,
                text,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                citations(charter, language, sections, SHOWN),
                entry,
                InputIssue.NONE,
                charter.version());
    }

    private static Answer empty(Charter charter, Language language, String text, InputIssue issue) {
        return new Answer(
                Tier.FALLBACK,
                language,
                0,
                null,
                text,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                issue,
                charter.version());
    }

    private static List<Citation> citations(
            Charter charter, Language language, List<AnswerIndex.Candidate> candidates, int max) {
        List<Citation> citations = new ArrayList<>();
        for (AnswerIndex.Candidate candidate : candidates) {
            if (citations.size() == max) {
                break;
            }
            charter.section(candidate.section().id(), language)
                    .ifPresent(section -> citations.add(citation(charter, section)));
        }
        return citations;
    }

    private static Citation citation(Charter charter, Section section) {
        Optional<String> link = charter.settings().linkTo(section.id());
        return new Citation(section.id(), section.title(), link.orElse(null));
    }
}
