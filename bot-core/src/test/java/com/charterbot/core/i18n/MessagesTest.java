package com.charterbot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    static Properties bundle(String name) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    static Set<Integer> arguments(String pattern) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            indexes.add(Integer.parseInt(matcher.group(1)));
        }
        return indexes;
    }

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        Properties en = bundle("messages.properties");
        Properties fr = bundle("messages_fr.properties");
        assertThat(en.stringPropertyNames()).isNotEmpty().isEqualTo(fr.stringPropertyNames());
        assertThat(en.stringPropertyNames()).contains("answer.blank", "answer.too-long", "answer.suggest", "answer.fallback");
    }

    @Test
    void everyMessageUsesTheSameArgumentsInBothLanguages() throws IOException {
        Properties en = bundle("messages.properties");
        Properties fr = bundle("messages_fr.properties");
        for (String key : en.stringPropertyNames()) {
            assertThat(arguments(fr.getProperty(key))).as(key).isEqualTo(arguments(en.getProperty(key)));
        }
    }

    @Test
    void everyMessageFormatsInBothLanguagesWithoutLeftovers() throws IOException {
        Properties en = bundle("messages.properties");
        for (String key : en.stringPropertyNames()) {
            for (Language language : Language.values()) {
                String text = Messages.get(language, key, "ARG-ZERO", "ARG-ONE", "ARG-TWO");
                String where = language.tag() + " " + key;
                assertThat(text).as(where).isNotBlank().doesNotContain("{0}", "{1}", "{2}").doesNotContainPattern("\\{\\d");
                assertThat(text).as(where + " (doubled apostrophe left)").doesNotContain("''");
                for (int index : arguments(en.getProperty(key))) {
                    assertThat(text).as(where).contains(index == 0 ? "ARG-ZERO" : index == 1 ? "ARG-ONE" : "ARG-TWO");
                }
            }
        }
    }

    @Test
    void frenchAndEnglishSentencesDiffer() {
        for (String key : new String[] {"answer.blank", "answer.too-long", "answer.suggest", "answer.fallback", "label.dont"}) {
            assertThat(Messages.get(Language.FR, key, "x", 1, 2)).as(key).isNotEqualTo(Messages.get(Language.EN, key, "x", 1, 2));
        }
    }

    @Test
    void apostrophesSurviveFormatting() {
        assertThat(Messages.get(Language.EN, "label.dont")).isEqualTo("Don't");
        assertThat(Messages.get(Language.FR, "answer.blank", "Acme")).contains("l'usage", "Acme");
        assertThat(Messages.get(Language.FR, "answer.too-long", 1500, 1000)).startsWith("C'est");
    }
}
