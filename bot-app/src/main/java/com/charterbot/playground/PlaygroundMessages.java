package com.charterbot.playground;

import com.charterbot.core.values.Language;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The playground page's sentences, in English ({@code playground.properties}) and French
 * ({@code playground_fr.properties}), UTF-8, plain text: the page puts them in as text, never as
 * markup; {@code {0}}-style arguments are filled in by the page.
 */
final class PlaygroundMessages {

    static final String BUNDLE = "com/charterbot/playground/playground";

    private PlaygroundMessages() {}

    /** {@code {"en": {key: text...}, "fr": {...}}}. */
    static JsonObject all() {
        JsonObject all = new JsonObject();
        for (Language language : Language.values()) {
            Properties bundle = bundle(language);
            JsonObject texts = PlaygroundViews.object(all, language.tag());
            for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
                texts.addProperty(key, bundle.getProperty(key));
            }
        }
        return all;
    }

    static Properties bundle(Language language) {
        String name = BUNDLE + (language == Language.EN ? "" : "_" + language.tag()) + ".properties";
        try (InputStream in = PlaygroundMessages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
