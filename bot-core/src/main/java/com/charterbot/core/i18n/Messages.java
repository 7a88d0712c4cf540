package com.charterbot.core.i18n;

import com.charterbot.core.values.Language;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every sentence the bot says outside the charter itself, in English and French. Each is a whole
 * sentence with its own placeholders, never assembled from translated fragments.
 *
 * <p>Sentences live in one bundle per feature ({@code messages}, {@code commands}, {@code quiz}...),
 * each a pair of {@code <name>.properties} (English) and {@code <name>_fr.properties} files in this
 * package; a key is looked up in each bundle in turn.
 */
public final class Messages {

    /** The bundles, by base name in this package; every key must be unique across them. */
    public static final List<String> BUNDLES =
            List.of("messages", "commands", "quiz", "tips", "nudges", "admin", "charter", "check", "experts");

    private static final String PACKAGE = "com.charterbot.core.i18n.";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Each sentence read and parsed once, by language then key (the bundles never change at run time). */
    private static final Map<Language, Map<String, MessageFormat>> PARSED = new ConcurrentHashMap<>();

    private Messages() {}

    /** The sentence with this key in this language, its {0}-style arguments filled in. */
    public static String get(Language language, String key, Object... arguments) {
        MessageFormat parsed = PARSED.computeIfAbsent(language, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> parse(language, k));
        // A MessageFormat is not thread-safe: each call formats with its own copy, which costs
        // much less than parsing the sentence again.
        return ((MessageFormat) parsed.clone()).format(arguments);
    }

    private static MessageFormat parse(Language language, String key) {
        Locale locale = language == Language.EN ? Locale.ROOT : language.locale();
        for (String name : BUNDLES) {
            ResourceBundle bundle;
            try {
                bundle = ResourceBundle.getBundle(PACKAGE + name, locale, Messages.class.getClassLoader(), NO_FALLBACK);
            } catch (MissingResourceException e) {
                continue;
            }
            if (bundle.containsKey(key)) {
                return new MessageFormat(bundle.getString(key), language.locale());
            }
        }
        throw new MissingResourceException(
                "no message '" + key + "' in " + language.tag(), Messages.class.getName(), key);
    }

    /** A label followed by its colon, as this language writes it: "Did you mean:", "Vouliez-vous dire :". */
    public static String labelled(Language language, String label) {
        return get(language, "label.colon", label);
    }
}
