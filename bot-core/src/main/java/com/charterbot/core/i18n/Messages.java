package com.charterbot.core.i18n;

import com.charterbot.core.charter.Language;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Every sentence the bot says outside the charter itself, in English and French. Each is a whole
 * sentence with its own placeholders, never assembled from translated fragments.
 */
public final class Messages {

    private static final String BUNDLE = "com.charterbot.core.i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    /** The sentence with this key in this language, its {0}-style arguments filled in. */
    public static String get(Language language, String key, Object... arguments) {
        Locale locale = language == Language.EN ? Locale.ROOT : language.locale();
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK).getString(key);
        return new MessageFormat(pattern, language.locale()).format(arguments);
    }
}
