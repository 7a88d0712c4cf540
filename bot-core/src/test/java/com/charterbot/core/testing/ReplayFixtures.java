package com.charterbot.core.testing;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the adapters' replays of real payloads share: their fixture files, and the bot's sentences the fixtures expect. */
public final class ReplayFixtures {

    private ReplayFixtures() {}

    /** The JSON files of a folder on the test class path ({@code replay/slack}), in name order. */
    public static List<Path> files(String folder) {
        URL url = ReplayFixtures.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no " + folder + " on the test class path");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code en:key} or {@code fr:key}: the bot's sentence up to its first placeholder; anything else as written. */
    public static String text(String expected) {
        if (expected.startsWith("en:") || expected.startsWith("fr:")) {
            Language language = expected.startsWith("fr:") ? Language.FR : Language.EN;
            String sentence = Messages.get(language, expected.substring(3));
            int placeholder = sentence.indexOf('{');
            return placeholder < 0 ? sentence : sentence.substring(0, placeholder);
        }
        return expected;
    }
}
