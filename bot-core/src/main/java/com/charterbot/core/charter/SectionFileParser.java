package com.charterbot.core.charter;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Markdown section file (front matter, then {@code ##} blocks) and reports every problem
 * with its line. The format is described in {@code docs/charter-format.md}.
 */
final class SectionFileParser {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final int MIN_QUESTIONS = 8;
    static final int MIN_NOT_COVERED_QUESTIONS = 3;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    /** A list item's mark: Markdown's - and *, and the bullets a word processor pastes (•, ·, ▪, ◦, –, and Word's Symbol-font one). */
    private static final String BULLET = "[-*\u2022\u00B7\u25AA\u25E6\u2013\u2043\uF0B7]";

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*" + BULLET + "\\s+(.*)$");
    private static final Pattern OPTION = Pattern.compile("^\\s*" + BULLET + "\\s+\\[([ xX])]\\s*(.*)$");
    private static final Pattern EXPLANATION = Pattern.compile("^\\s*(?i:explanation|explication)\\s*:\\s*(.*)$");

    private enum Block {
        RULE,
        CHECKLIST,
        DO,
        DONT,
        QUESTIONS,
        TIPS,
        QUIZ,
        SIGNALS
    }

    private static final Map<String, Block> HEADINGS = Map.ofEntries(
            Map.entry("rule", Block.RULE),
            Map.entry("regle", Block.RULE),
            Map.entry("where to go", Block.RULE),
            Map.entry("ou s'adresser", Block.RULE),
            Map.entry("checklist", Block.CHECKLIST),
            Map.entry("avant d'agir", Block.CHECKLIST),
            Map.entry("do", Block.DO),
            Map.entry("a faire", Block.DO),
            Map.entry("don't", Block.DONT),
            Map.entry("dont", Block.DONT),
            Map.entry("a eviter", Block.DONT),
            Map.entry("questions", Block.QUESTIONS),
            Map.entry("tips", Block.TIPS),
            Map.entry("astuces", Block.TIPS),
            Map.entry("quiz", Block.QUIZ),
            Map.entry("signals", Block.SIGNALS),
            Map.entry("signaux", Block.SIGNALS));

    /** The levels of a signal line, in English and French; "unless" and "always" are not levels but share the list. */
    private static final Map<String, String> SIGNAL_KINDS = Map.ofEntries(
            Map.entry("stop", "stop"),
            Map.entry("caution", "caution"),
            Map.entry("attention", "caution"),
            Map.entry("tip", "tip"),
            Map.entry("conseil", "tip"),
            Map.entry("unless", "unless"),
            Map.entry("sauf", "unless"),
            Map.entry("sauf si", "unless"),
            Map.entry("always", "always"),
            Map.entry("toujours", "always"));

    /** What one file yields: the section (null when the file is too broken to give one) and where things were. */
    record Parsed(Section section, int idLine, int relatedLine, int signalsLine, List<CharterProblem> problems) {}

    private final CharterFile file;
    private final Map<String, String> placeholders;
    private final List<CharterProblem> problems = new ArrayList<>();

    private SectionFileParser(CharterFile file, CharterSettings settings) {
        this.file = file;
        this.placeholders = settings.placeholders();
    }

    static Parsed parse(CharterFile file, CharterSettings settings) {
        return new SectionFileParser(file, settings).parse();
    }

    private Parsed parse() {
        String[] lines = file.text()
                .replace("\uFEFF", "")
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .split("\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i >= lines.length || !lines[i].strip().equals("---")) {
            problem(i + 1 > lines.length ? 1 : i + 1, "charter.problem.no-front-matter");
            return new Parsed(null, 0, 0, 0, problems);
        }
        Map<String, String> front = new LinkedHashMap<>();
        Map<String, Integer> frontLines = new HashMap<>();
        i++;
        boolean closed = false;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().equals("---")) {
                closed = true;
                i++;
                break;
            }
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                problem(i + 1, "charter.problem.front-matter-syntax");
                continue;
            }
            String key = canonicalKey(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            if (key == null) {
                problem(
                        i + 1,
                        "charter.problem.front-matter-unknown-key",
                        line.substring(0, colon).strip());
                continue;
            }
            if (front.containsKey(key)) {
                problem(i + 1, "charter.problem.front-matter-key-twice", key);
            }
            front.put(key, line.substring(colon + 1).strip());
            frontLines.put(key, i + 1);
        }
        if (!closed) {
            problem(lines.length, "charter.problem.front-matter-not-closed");
            return new Parsed(null, 0, 0, 0, problems);
        }

        int idLine = frontLines.getOrDefault("id", 1);
        String id = front.getOrDefault("id", "");
        if (id.isEmpty()) {
            problem(idLine, "charter.problem.missing-id");
        } else if (!ID.matcher(id).matches()) {
            problem(idLine, "charter.problem.invalid-id", id);
        }
        String title = substitute(front.getOrDefault("title", ""), frontLines.getOrDefault("title", 1));
        if (title.isEmpty()) {
            problem(frontLines.getOrDefault("title", 1), "charter.problem.missing-title");
        }
        Section.Kind kind = Section.Kind.SECTION;
        String type = front.getOrDefault("type", "section").toLowerCase(Locale.ROOT);
        if (type.equals("not-covered")) {
            kind = Section.Kind.NOT_COVERED;
        } else if (!type.equals("section")) {
            problem(frontLines.get("type"), "charter.problem.invalid-type", type);
        }
        int relatedLine = frontLines.getOrDefault("related", idLine);
        List<String> related = new ArrayList<>();
        for (String ref : front.getOrDefault("related", "").split(",")) {
            String trimmed = ref.strip().replaceAll("^\\[|]$", "").strip();
            if (!trimmed.isEmpty()) {
                related.add(trimmed);
            }
        }

        Body body = readBody(lines, i);
        String rule = body.rule.toString().strip();
        if (rule.isEmpty()) {
            problem(
                    body.lineOf.getOrDefault(Block.RULE, idLine),
                    kind == Section.Kind.SECTION
                            ? "charter.problem.missing-rule"
                            : "charter.problem.missing-where-to-go");
        }
        if (kind == Section.Kind.SECTION) {
            requireItems(body, Block.DO, 1, "charter.problem.missing-do", "charter.problem.too-few-do", idLine);
            requireItems(body, Block.DONT, 1, "charter.problem.missing-dont", "charter.problem.too-few-dont", idLine);
            requireItems(
                    body,
                    Block.QUESTIONS,
                    MIN_QUESTIONS,
                    "charter.problem.missing-questions",
                    "charter.problem.too-few-questions",
                    idLine);
        } else {
            requireItems(
                    body,
                    Block.QUESTIONS,
                    MIN_NOT_COVERED_QUESTIONS,
                    "charter.problem.missing-questions",
                    "charter.problem.too-few-questions",
                    idLine);
            for (Block unexpected :
                    List.of(Block.CHECKLIST, Block.DO, Block.DONT, Block.TIPS, Block.QUIZ, Block.SIGNALS)) {
                if (body.lineOf.containsKey(unexpected)) {
                    problem(body.lineOf.get(unexpected), "charter.problem.not-covered-extra-heading");
                }
            }
        }
        if (!related.isEmpty() && kind == Section.Kind.NOT_COVERED) {
            problem(relatedLine, "charter.problem.not-covered-related");
        }

        SectionSignals signals = signals(body);
        Section section = null;
        if (!id.isEmpty() && ID.matcher(id).matches() && !title.isEmpty()) {
            section = new Section(
                    id,
                    kind,
                    file.language(),
                    title,
                    rule,
                    body.items.get(Block.CHECKLIST),
                    body.items.get(Block.DO),
                    body.items.get(Block.DONT),
                    body.items.get(Block.QUESTIONS),
                    related,
                    body.items.get(Block.TIPS),
                    body.quiz,
                    file.name(),
                    signals);
        }
        return new Parsed(section, idLine, relatedLine, body.lineOf.getOrDefault(Block.SIGNALS, idLine), problems);
    }

    private static String canonicalKey(String key) {
        return switch (key) {
            case "id" -> "id";
            case "title", "titre" -> "title";
            case "related", "voir-aussi", "voir aussi" -> "related";
            case "type" -> "type";
            default -> null;
        };
    }

    /** Reports the block missing ({@code missingKey}) or with fewer than {@code min} items ({@code tooFewKey}: count, min). */
    private void requireItems(Body body, Block block, int min, String missingKey, String tooFewKey, int fallbackLine) {
        int count = body.items.get(block).size();
        if (!body.lineOf.containsKey(block)) {
            problem(fallbackLine, missingKey);
        } else if (count < min) {
            problem(body.lineOf.get(block), tooFewKey, Integer.toString(count), Integer.toString(min));
        }
    }

    /** The parsed blocks of a file body. */
    private static final class Body {
        final StringBuilder rule = new StringBuilder();
        final Map<Block, List<String>> items = new HashMap<>();
        final Map<Block, Integer> lineOf = new HashMap<>();
        final List<QuizQuestion> quiz = new ArrayList<>();
        final StringBuilder advice = new StringBuilder();
        final List<String> signalLines = new ArrayList<>();
        final List<Integer> signalLineNumbers = new ArrayList<>();

        Body() {
            for (Block block : Block.values()) {
                items.put(block, new ArrayList<>());
            }
        }
    }

    private Body readBody(String[] lines, int start) {
        Body body = new Body();
        Block block = null;
        boolean paragraphBreak = false;
        QuizDraft draft = null;
        for (int i = start; i < lines.length; i++) {
            int lineNumber = i + 1;
            String raw = lines[i];
            String stripped = raw.strip();
            if (stripped.startsWith("##") && !stripped.startsWith("###")) {
                draft = finishQuestion(draft, body);
                String name = normalizeHeading(stripped.substring(2));
                block = HEADINGS.get(name);
                if (block == null) {
                    problem(lineNumber, "charter.problem.unknown-heading", stripped);
                } else if (body.lineOf.containsKey(block)) {
                    problem(lineNumber, "charter.problem.heading-twice", stripped);
                } else {
                    body.lineOf.put(block, lineNumber);
                }
                paragraphBreak = false;
                continue;
            }
            if (stripped.startsWith("###")) {
                if (block != Block.QUIZ) {
                    problem(lineNumber, "charter.problem.quiz-question-outside-quiz");
                    continue;
                }
                draft = finishQuestion(draft, body);
                draft = new QuizDraft(
                        lineNumber, substitute(stripped.substring(3).strip(), lineNumber));
                continue;
            }
            if (stripped.isEmpty()) {
                paragraphBreak = true;
                continue;
            }
            if (stripped.startsWith("<!--") || stripped.startsWith("# ")) {
                continue; // comments and a top-level title are allowed anywhere
            }
            String text = substitute(stripped, lineNumber);
            if (block == null) {
                problem(lineNumber, "charter.problem.text-before-heading");
            } else if (block == Block.RULE) {
                if (body.rule.length() > 0) {
                    body.rule.append(paragraphBreak ? "\n\n" : " ");
                }
                body.rule.append(text);
            } else if (block == Block.QUIZ) {
                draft = readQuizLine(draft, raw, text, lineNumber);
            } else if (block == Block.SIGNALS) {
                Matcher item = LIST_ITEM.matcher(text);
                if (item.matches()) {
                    body.signalLines.add(item.group(1).strip());
                    body.signalLineNumbers.add(lineNumber);
                } else {
                    // A paragraph in the signals block is the advice: what to change when a signal is found.
                    if (body.advice.length() > 0) {
                        body.advice.append(paragraphBreak ? "\n\n" : " ");
                    }
                    body.advice.append(text);
                }
            } else {
                Matcher item = LIST_ITEM.matcher(text);
                List<String> list = body.items.get(block);
                if (item.matches()) {
                    String value = item.group(1).strip();
                    if (value.isEmpty()) {
                        problem(lineNumber, "charter.problem.empty-list-item");
                    } else {
                        list.add(value);
                    }
                } else if (!list.isEmpty() && !paragraphBreak) {
                    list.set(list.size() - 1, list.get(list.size() - 1) + " " + text);
                } else {
                    problem(lineNumber, "charter.problem.expected-list-item");
                }
            }
            paragraphBreak = false;
        }
        finishQuestion(draft, body);
        return body;
    }

    /**
     * The signals block: {@code - level: pattern} lines ({@code stop}, {@code caution}, {@code tip},
     * {@code unless}; {@code always: } a one-line check), and a paragraph saying what to change.
     */
    private SectionSignals signals(Body body) {
        List<Signal> signals = new ArrayList<>();
        List<SignalPattern> unless = new ArrayList<>();
        String always = null;
        for (int i = 0; i < body.signalLines.size(); i++) {
            String line = body.signalLines.get(i);
            int lineNumber = body.signalLineNumbers.get(i);
            int colon = line.indexOf(':');
            String kind = colon < 0 ? null : SIGNAL_KINDS.get(normalizeHeading(line.substring(0, colon)));
            if (kind == null) {
                problem(lineNumber, "charter.problem.signal-level");
                continue;
            }
            String rest = line.substring(colon + 1).strip();
            if (kind.equals("always")) {
                if (rest.isEmpty()) {
                    problem(lineNumber, "charter.problem.empty-list-item");
                } else if (always != null) {
                    problem(lineNumber, "charter.problem.always-twice");
                } else {
                    always = rest;
                }
                continue;
            }
            SignalPattern.Parsed parsed = SignalPattern.parse(rest);
            if (parsed.pattern().isEmpty()) {
                problem(lineNumber, parsed.problem(), parsed.arguments().toArray(String[]::new));
            } else if (kind.equals("unless")) {
                unless.add(parsed.pattern().get());
            } else {
                signals.add(new Signal(
                        Signal.Level.valueOf(kind.toUpperCase(Locale.ROOT)),
                        parsed.pattern().get(),
                        rest));
            }
        }
        String advice = body.advice.toString().strip();
        if (!signals.isEmpty() && advice.isEmpty()) {
            problem(body.lineOf.get(Block.SIGNALS), "charter.problem.signals-without-advice");
            return SectionSignals.NONE;
        }
        return new SectionSignals(advice, signals, unless, java.util.Optional.ofNullable(always));
    }

    /** A quiz question being read. */
    private static final class QuizDraft {
        final int line;
        final String text;
        final List<String> options = new ArrayList<>();
        final List<Integer> correct = new ArrayList<>();
        StringBuilder explanation;

        QuizDraft(int line, String text) {
            this.line = line;
            this.text = text;
        }
    }

    private QuizDraft readQuizLine(QuizDraft draft, String raw, String text, int lineNumber) {
        if (draft == null) {
            problem(lineNumber, "charter.problem.quiz-text-without-question");
            return null;
        }
        Matcher option = OPTION.matcher(text);
        Matcher explanation = EXPLANATION.matcher(text);
        if (option.matches()) {
            if (option.group(2).isBlank()) {
                problem(lineNumber, "charter.problem.empty-quiz-option");
            }
            if (!option.group(1).isBlank()) {
                draft.correct.add(draft.options.size());
            }
            draft.options.add(option.group(2).strip());
        } else if (explanation.matches()) {
            draft.explanation = new StringBuilder(explanation.group(1).strip());
        } else if (draft.explanation != null) {
            draft.explanation.append(' ').append(text);
        } else if (!draft.options.isEmpty() && (raw.startsWith(" ") || raw.startsWith("\t"))) {
            int last = draft.options.size() - 1;
            draft.options.set(last, draft.options.get(last) + " " + text);
        } else {
            problem(lineNumber, "charter.problem.expected-quiz-line");
        }
        return draft;
    }

    private QuizDraft finishQuestion(QuizDraft draft, Body body) {
        if (draft == null) {
            return null;
        }
        boolean valid = true;
        if (draft.text.isEmpty()) {
            problem(draft.line, "charter.problem.empty-quiz-question");
            valid = false;
        }
        if (draft.options.size() < 3 || draft.options.size() > 4) {
            problem(draft.line, "charter.problem.quiz-option-count", Integer.toString(draft.options.size()));
            valid = false;
        }
        if (draft.correct.size() != 1) {
            problem(draft.line, "charter.problem.quiz-correct-count", Integer.toString(draft.correct.size()));
            valid = false;
        }
        if (draft.explanation == null || draft.explanation.toString().isBlank()) {
            problem(draft.line, "charter.problem.quiz-missing-explanation");
            valid = false;
        }
        if (valid && draft.options.stream().noneMatch(String::isBlank)) {
            body.quiz.add(new QuizQuestion(
                    draft.text,
                    draft.options,
                    draft.correct.get(0),
                    draft.explanation.toString().strip()));
        }
        return null;
    }

    private String substitute(String text, int lineNumber) {
        Matcher matcher = PLACEHOLDER.matcher(CompanyGrammar.fit(text, file.language(), placeholders.get("company")));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            String value = placeholders.get(name);
            if (value == null) {
                problem(
                        lineNumber,
                        "charter.problem.unknown-placeholder",
                        matcher.group(1),
                        String.join(", ", placeholders.keySet()));
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String normalizeHeading(String heading) {
        String folded =
                Normalizer.normalize(heading.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replaceAll("\\s*:$", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private void problem(Integer line, String key, String... arguments) {
        problems.add(new CharterProblem(file.name(), line == null ? 0 : line, key, List.of(arguments)));
    }
}
