package com.charterbot.core.charter;

import com.charterbot.core.values.Language;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fits the words around {@code {{company}}} to the company's name, so that a charter written once
 * reads right whatever the name: in English, {@code {{company}}'s} gives "Acme Industries'" for a
 * name ending in s; in French, {@code de {{company}}} and {@code que {{company}}} give "d'Airbus"
 * and "qu'Airbus" before a vowel. A name starting with h is left as written ("de Hachette"):
 * whether its h is silent depends on the word.
 */
final class CompanyGrammar {

    private static final Pattern POSSESSIVE =
            Pattern.compile("(\\{\\{\\s*company\\s*}})(['\u2019])s\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ELIDED = Pattern.compile(
            "\\b(d|qu|jusqu|lorsqu|puisqu)e\\s+(\\{\\{\\s*company\\s*}})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern VOWEL =
            Pattern.compile("^[aeiouyàâäæéèêëîïôöœùûü]", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private CompanyGrammar() {}

    /** The line with the words before or after {@code {{company}}} fitted to this name; the placeholder itself is left in. */
    static String fit(String line, Language language, String company) {
        String name = company.strip();
        if (language == Language.EN && name.toLowerCase(Locale.ROOT).endsWith("s")) {
            return POSSESSIVE.matcher(line).replaceAll("$1$2");
        }
        if (language == Language.FR && VOWEL.matcher(name).find()) {
            Matcher elided = ELIDED.matcher(line);
            return elided.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "'" + match.group(2)));
        }
        return line;
    }
}
