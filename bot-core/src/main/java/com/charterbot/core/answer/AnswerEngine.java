package com.charterbot.core.answer;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.Language;
import com.charterbot.core.charter.Section;
import com.charterbot.core.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers questions from the current charter. A new charter version is indexed aside and swapped
 * in atomically, so questions in flight always see one whole version.
 */
public final class AnswerEngine implements AnswerQuestion {

    /** Above this confidence the best section is given as the answer. */
    static final double ANSWER_THRESHOLD = 0.45;
    /** Above this confidence the bot offers "did you mean"; below, it falls back. */
    static final double SUGGEST_THRESHOLD = 0.25;
    /** How many sections a reply shows at most. */
    static final int SHOWN = 3;

    private static final int CANDIDATES = 8;

    private final TextAnalysis analysis = TextAnalysis.shared();
    private final LanguageDetector detector = new LanguageDetector();
    private final Language defaultLanguage;
    private final AtomicReference<AnswerIndex> index = new AtomicReference<>();

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
        AnswerIndex.warmUp(TextAnalysis.shared());
    }

    /** Indexes this charter and makes it the one answers come from. */
    public void install(Charter charter) {
        index.set(AnswerIndex.build(Objects.requireNonNull(charter, "charter"), analysis));
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
            Language language = question.preferredLanguage().or(() -> detector.detect(sample)).or(question::fallbackLanguage).orElse(defaultLanguage);
            String text = Messages.get(language, "answer.too-long", length, Question.MAX_LENGTH);
            return empty(charter, language, text, InputIssue.TOO_LONG);
        }
        Language language = question.preferredLanguage().or(() -> detector.detect(cleaned)).or(question::fallbackLanguage).orElse(defaultLanguage);
        if (!QuestionText.hasWords(cleaned)) {
            return empty(charter, language, Messages.get(language, "answer.blank", charter.settings().companyName()), InputIssue.BLANK);
        }
        List<AnswerIndex.Candidate> candidates = current.search(cleaned, CANDIDATES);
        List<AnswerIndex.Candidate> sections = candidates.stream().filter(c -> !c.section().isNotCovered()).toList();
        if (candidates.isEmpty()) {
            return fallback(charter, language, 0, sections, null);
        }
        AnswerIndex.Candidate top = candidates.get(0);
        double confidence = confidence(candidates);
        if (top.section().isNotCovered()) {
            return fallback(charter, language, confidence, sections, top.section());
        }
        if (confidence >= ANSWER_THRESHOLD) {
            Section section = charter.section(top.section().id(), language).orElseThrow();
            return new Answer(Tier.ANSWER, language, confidence, citation(charter, section), section.rule(),
                    section.checklist(), section.dos(), section.donts(),
                    citations(charter, language, sections.subList(1, sections.size()), SHOWN - 1),
                    null, InputIssue.NONE, charter.version());
        }
        if (confidence >= SUGGEST_THRESHOLD) {
            return new Answer(Tier.SUGGEST, language, confidence, null, Messages.get(language, "answer.suggest"),
                    List.of(), List.of(), List.of(), citations(charter, language, sections, SHOWN),
                    null, InputIssue.NONE, charter.version());
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
        List<AnswerTrace.Ranked> ranked = current.search(cleaned, CANDIDATES).stream()
                .map(c -> new AnswerTrace.Ranked(c.section().id(), c.section().isNotCovered(), c.score(), c.coverage(),
                        current.matchedWords(cleaned, c.section().id())))
                .toList();
        return new AnswerTrace(answer, ranked);
    }

    /**
     * How sure the best candidate is: mostly how much of the question it covers, lowered when
     * the runner-up scores almost as well.
     */
    static double confidence(List<AnswerIndex.Candidate> candidates) {
        AnswerIndex.Candidate top = candidates.get(0);
        double margin = candidates.size() < 2 ? 1 : 1 - candidates.get(1).score() / top.score();
        double value = top.coverage() * (0.6 + 0.4 * Math.min(1, 2 * margin));
        return Math.max(0, Math.min(1, value));
    }

    private Answer fallback(Charter charter, Language language, double confidence, List<AnswerIndex.Candidate> sections, Section notCovered) {
        String text;
        Citation entry = null;
        if (notCovered != null) {
            Section localized = charter.section(notCovered.id(), language).orElseThrow();
            text = localized.rule();
            entry = new Citation(localized.id(), localized.title(), null);
        } else {
            text = Messages.get(language, "answer.fallback", charter.settings().communicationsContact());
        }
        return new Answer(Tier.FALLBACK, language, confidence, null, text, List.of(), List.of(), List.of(),
                citations(charter, language, sections, SHOWN), entry, InputIssue.NONE, charter.version());
    }

    private static Answer empty(Charter charter, Language language, String text, InputIssue issue) {
        return new Answer(Tier.FALLBACK, language, 0, null, text, List.of(), List.of(), List.of(), List.of(), null, issue, charter.version());
    }

    private static List<Citation> citations(Charter charter, Language language, List<AnswerIndex.Candidate> candidates, int max) {
        List<Citation> citations = new ArrayList<>();
        for (AnswerIndex.Candidate candidate : candidates) {
            if (citations.size() == max) {
                break;
            }
            charter.section(candidate.section().id(), language).ifPresent(section -> citations.add(citation(charter, section)));
        }
        return citations;
    }

    private static Citation citation(Charter charter, Section section) {
        Optional<String> link = charter.settings().linkTo(section.id());
        return new Citation(section.id(), section.title(), link.orElse(null));
    }
}
