package com.charterbot.core.command;

import com.charterbot.core.text.UserText;
import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a user typed, in English or French. A message is a command only when it is the
 * command word alone (or with the arguments that command takes), so "help me write a post about
 * the fair" stays a question. Never throws: anything else is a question.
 *
 * <p>A text longer than {@link #MAX_COMMAND_LENGTH} is a question without further reading, unless
 * it starts with {@code check} or {@code vérifier}: a draft to check may be as long as a message.
 * What is read is read in linear passes ({@link UserText}): no message costs more than a few reads
 * per character.
 */
public final class CommandParser {

    /** The longest text read as a command; the longest real one ({@code nudges ...} with all its arguments) is under 100. */
    static final int MAX_COMMAND_LENGTH = 300;

    private static final int DEFAULT_STATS_DAYS = 30;
    /** The most characters of a wrong argument shown back in a usage message. */
    private static final int ECHOED = 40;
    /** The argument of {@code stats} asking for the CSV export, and the language each says. */
    private static final Map<String, Optional<Language>> EXPORT = Map.of(
            "export",
            Optional.empty(),
            "csv",
            Optional.empty(),
            "exporter",
            Optional.of(Language.FR),
            "exporte",
            Optional.of(Language.FR));

    private enum Word {
        HELP,
        QUIZ,
        TIP,
        LANG,
        SETTINGS,
        HOME,
        NUDGES,
        STATS,
        RELOAD,
        EXPERTS,
        PHRASINGS
    }

    private record Alias(Word word, Optional<Language> language) {}

    private static final Map<String, Alias> ALIASES = Map.ofEntries(
            Map.entry("help", new Alias(Word.HELP, Optional.of(Language.EN))),
            Map.entry("aide", new Alias(Word.HELP, Optional.of(Language.FR))),
            Map.entry("?", new Alias(Word.HELP, Optional.empty())),
            Map.entry("quiz", new Alias(Word.QUIZ, Optional.empty())),
            Map.entry("quizz", new Alias(Word.QUIZ, Optional.of(Language.FR))),
            Map.entry("tip", new Alias(Word.TIP, Optional.of(Language.EN))),
            Map.entry("tips", new Alias(Word.TIP, Optional.of(Language.EN))),
            Map.entry("astuce", new Alias(Word.TIP, Optional.of(Language.FR))),
            Map.entry("astuces", new Alias(Word.TIP, Optional.of(Language.FR))),
            Map.entry("lang", new Alias(Word.LANG, Optional.empty())),
            Map.entry("language", new Alias(Word.LANG, Optional.of(Language.EN))),
            Map.entry("langue", new Alias(Word.LANG, Optional.of(Language.FR))),
            Map.entry("settings", new Alias(Word.SETTINGS, Optional.of(Language.EN))),
            Map.entry("reglages", new Alias(Word.SETTINGS, Optional.of(Language.FR))),
            Map.entry("parametres", new Alias(Word.SETTINGS, Optional.of(Language.FR))),
            Map.entry("home", new Alias(Word.HOME, Optional.of(Language.EN))),
            Map.entry("accueil", new Alias(Word.HOME, Optional.of(Language.FR))),
            Map.entry("nudges", new Alias(Word.NUDGES, Optional.empty())),
            Map.entry("nudge", new Alias(Word.NUDGES, Optional.empty())),
            Map.entry("rappels", new Alias(Word.NUDGES, Optional.of(Language.FR))),
            Map.entry("stats", new Alias(Word.STATS, Optional.empty())),
            Map.entry("statistics", new Alias(Word.STATS, Optional.of(Language.EN))),
            Map.entry("statistiques", new Alias(Word.STATS, Optional.of(Language.FR))),
            Map.entry("reload", new Alias(Word.RELOAD, Optional.of(Language.EN))),
            Map.entry("recharger", new Alias(Word.RELOAD, Optional.of(Language.FR))),
            Map.entry("experts", new Alias(Word.EXPERTS, Optional.empty())),
            Map.entry("phrasings", new Alias(Word.PHRASINGS, Optional.of(Language.EN))),
            Map.entry("formulations", new Alias(Word.PHRASINGS, Optional.of(Language.FR))));

    /** What follows {@code experts} to make a channel the experts' one, folded, and the language each says. */
    private static final Map<String, Optional<Language>> EXPERTS_HERE = Map.of(
            "channel here",
            Optional.of(Language.EN),
            "here",
            Optional.of(Language.EN),
            "ici",
            Optional.of(Language.FR),
            "canal ici",
            Optional.of(Language.FR),
            "salon ici",
            Optional.of(Language.FR));

    private static final Map<String, Language> LANGUAGE_NAMES = Map.of(
            "en",
            Language.EN,
            "english",
            Language.EN,
            "anglais",
            Language.EN,
            "fr",
            Language.FR,
            "french",
            Language.FR,
            "francais",
            Language.FR);

    private static final Map<String, Language> FORGET_ME = Map.of(
            "forget me",
            Language.EN,
            "forget-me",
            Language.EN,
            "forgetme",
            Language.EN,
            "oublie-moi",
            Language.FR,
            "oublie moi",
            Language.FR,
            "oubliez-moi",
            Language.FR,
            "oubliez moi",
            Language.FR);

    /** The words that ask for a draft to be checked, folded, and the language each tells. */
    private static final Map<String, Optional<Language>> CHECK_WORDS = Map.of(
            "check", Optional.of(Language.EN), "verifier", Optional.of(Language.FR), "verif", Optional.of(Language.FR));
    /** The longest command word looked for at the start of a draft to check. */
    private static final int CHECK_WORD_LENGTH = 8;

    private CommandParser() {}

    public static Command parse(CharSequence text) {
        if (text != null) {
            Command check = check(text);
            if (check != null) {
                return check;
            }
        }
        String trimmed = text == null ? "" : UserText.oneLine(text);
        if (trimmed.isEmpty()) {
            return new Command.Help(Optional.empty());
        }
        if (trimmed.length() > MAX_COMMAND_LENGTH) {
            return new Command.Ask(trimmed);
        }
        String folded = fold(trimmed);
        String withoutPunctuation = UserText.withoutTrailing(folded, ".!?");
        Language forget = FORGET_ME.get(withoutPunctuation);
        if (forget != null) {
            return new Command.ForgetMe(Optional.of(forget));
        }
        String[] words = folded.split(" ", 2);
        Alias alias = ALIASES.get(words[0]);
        if (alias == null && words.length == 1) {
            alias = ALIASES.get(withoutPunctuation);
        }
        if (alias == null) {
            return SmallTalk.read(folded).<Command>map(talk -> talk).orElseGet(() -> new Command.Ask(trimmed));
        }
        String rest =
                words.length > 1 ? trimmed.substring(trimmed.indexOf(' ') + 1).strip() : "";
        // "quiz !", "aide ?": French puts a space before ! and ?, which leaves the word alone all the same.
        boolean alone = rest.chars().allMatch(c -> c == '.' || c == '!' || c == '?');
        Optional<Language> said = alias.language();
        return switch (alias.word()) {
            case HELP -> alone ? new Command.Help(said) : new Command.Ask(trimmed);
            case QUIZ -> alone ? new Command.StartQuiz(said) : new Command.Ask(trimmed);
            case TIP -> alone ? new Command.ShowTip(said) : new Command.Ask(trimmed);
            case SETTINGS -> alone ? new Command.Settings(said) : new Command.Ask(trimmed);
            case HOME -> alone ? new Command.Home(said) : new Command.Ask(trimmed);
            case RELOAD -> alone ? new Command.Reload(said) : new Command.Ask(trimmed);
            case PHRASINGS -> alone ? new Command.Phrasings(said) : new Command.Ask(trimmed);
            case EXPERTS -> {
                Optional<Language> here = EXPERTS_HERE.get(UserText.withoutTrailing(fold(rest), ".!"));
                yield here == null ? new Command.Ask(trimmed) : new Command.ExpertsChannel(here);
            }
            case LANG -> language(rest, said);
            case NUDGES -> rest.contains("?") ? new Command.Ask(trimmed) : new Command.Nudges(rest, said);
            case STATS -> {
                Command stats = stats(rest, said);
                yield stats == null ? new Command.Ask(trimmed) : stats;
            }
        };
    }

    /**
     * {@code check <draft>}, {@code check: <draft>}, {@code vérifier : <brouillon>}: the draft is
     * everything after the word and its colon, line breaks kept; the word alone gets its usage.
     * Null when the text does not start with one of these words. Reads only the first few
     * characters before deciding, then copies the rest once.
     */
    private static Command check(CharSequence text) {
        int start = 0;
        while (start < text.length() && UserText.isSpace(text.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < text.length() && end - start <= CHECK_WORD_LENGTH && Character.isLetter(text.charAt(end))) {
            end++;
        }
        if (end == start || end - start > CHECK_WORD_LENGTH) {
            return null;
        }
        Optional<Language> said =
                CHECK_WORDS.get(fold(text.subSequence(start, end).toString()));
        if (said == null) {
            return null;
        }
        int rest = end;
        while (rest < text.length() && UserText.isSpace(text.charAt(rest))) {
            rest++;
        }
        boolean colon = rest < text.length() && text.charAt(rest) == ':';
        if (rest == end && !colon && rest < text.length()) {
            // "checking", "check-in", "vérifier?": not the command word alone.
            return null;
        }
        if (colon) {
            rest++;
        }
        String draft = text.subSequence(rest, text.length()).toString().strip();
        if (draft.isBlank()) {
            return new Command.Invalid("check.usage", List.of(), said);
        }
        String question = question(draft, colon);
        return question == null ? new Command.Check(draft, said) : new Command.Ask(question);
    }

    /** Words after "check" that make it a question ("check if I can...", "vérifier si je peux..."), folded. */
    private static final List<String> WHETHER = List.of("if ", "whether ", "si ", "s'");
    /** How a question about posting starts, folded: read as a question when it also ends with a question mark. */
    private static final List<String> QUESTION_STARTS = List.of(
            "can i ",
            "can we ",
            "may i ",
            "could i ",
            "should i ",
            "should we ",
            "am i ",
            "is it ",
            "is this ",
            "are we ",
            "do i ",
            "do we ",
            "how do ",
            "how can ",
            "how should ",
            "what can ",
            "what should ",
            "which ",
            "where can ",
            "est-ce qu",
            "est ce qu",
            "puis-je ",
            "puis je ",
            "je peux ",
            "j'ai le droit",
            "ai-je ",
            "peut-on ",
            "on peut ",
            "dois-je ",
            "je dois ",
            "comment ",
            "quelle ",
            "quel ",
            "quelles ",
            "quels ",
            "a-t-on ");

    /**
     * The question, when what follows the check word asks about posting rather than being a post:
     * "check: can I post a photo of the canteen?" or "vérifier si je peux partager une offre", at most
     * a command's length on one line. "Check if..." without a colon is a question; after a colon
     * ("check: If you're looking for a job...") it is a draft. Null for a draft.
     */
    private static String question(String draft, boolean colon) {
        if (draft.length() > MAX_COMMAND_LENGTH || draft.indexOf('\n') >= 0) {
            return null;
        }
        String folded = fold(draft);
        if (!colon) {
            for (String whether : WHETHER) {
                if (folded.startsWith(whether)) {
                    return draft.substring(whether.length()).strip();
                }
            }
        }
        if (!UserText.withoutTrailing(folded, " ").endsWith("?")) {
            return null;
        }
        for (String start : QUESTION_STARTS) {
            if (folded.startsWith(start)) {
                return draft;
            }
        }
        return null;
    }

    private static Command language(String argument, Optional<Language> said) {
        if (argument.isEmpty()) {
            return new Command.Invalid("commands.lang.choose", List.of(), said);
        }
        Language chosen = LANGUAGE_NAMES.get(fold(argument));
        if (chosen == null) {
            return new Command.Invalid("commands.lang.usage", List.of(UserText.echo(argument, ECHOED)), said);
        }
        return new Command.SetLanguage(chosen, said);
    }

    /** The stats command or its export, its usage when the argument is malformed, or null when the text reads as a sentence. */
    private static Command stats(String argument, Optional<Language> said) {
        if (argument.isEmpty()) {
            return new Command.Stats(DEFAULT_STATS_DAYS, said);
        }
        if (argument.contains(" ") || argument.contains("?")) {
            return null;
        }
        Optional<Language> export = EXPORT.get(UserText.withoutTrailing(fold(argument), ".!"));
        if (export != null) {
            return new Command.StatsExport(said.or(() -> export));
        }
        String digits = withoutUnit(fold(argument));
        if (!digits.isEmpty() && digits.length() <= 3 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int days = Integer.parseInt(digits);
            if (days >= 1 && days <= 365) {
                return new Command.Stats(days, said);
            }
        }
        return new Command.Invalid("commands.stats.usage", List.of(UserText.echo(argument, ECHOED)), said);
    }

    /** A number of days without its unit: {@code 30d}, {@code 30j}, {@code 30days}, {@code 30jours}. */
    private static String withoutUnit(String argument) {
        for (String unit : List.of("jours", "days", "d", "j")) {
            if (argument.endsWith(unit)) {
                return argument.substring(0, argument.length() - unit.length()).strip();
            }
        }
        return argument;
    }

    /** Lower case, accents removed, typographic apostrophes and dashes made plain. */
    static String fold(String text) {
        return UserText.fold(text);
    }
}
