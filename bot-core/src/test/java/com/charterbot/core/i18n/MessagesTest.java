package com.charterbot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /** The bundles that exist, by base name. */
    static List<String> bundles() {
        return Messages.BUNDLES.stream()
                .filter(name -> MessagesTest.class.getResource(name + ".properties") != null)
                .toList();
    }

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        assertThat(bundles()).contains("messages");
        for (String name : bundles()) {
            Properties en = bundle(name + ".properties");
            Properties fr = bundle(name + "_fr.properties");
            assertThat(en.stringPropertyNames()).as(name).isNotEmpty().isEqualTo(fr.stringPropertyNames());
        }
        assertThat(bundle("messages.properties").stringPropertyNames())
                .contains("answer.blank", "answer.too-long", "answer.suggest", "answer.fallback");
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String name : bundles()) {
            for (String key : bundle(name + ".properties").stringPropertyNames()) {
                assertThat(seen.add(key))
                        .as(key + " in " + name + " is also in an earlier bundle")
                        .isTrue();
            }
        }
    }

    @Test
    void everyMessageUsesTheSameArgumentsInBothLanguages() throws IOException {
        for (String name : bundles()) {
            Properties en = bundle(name + ".properties");
            Properties fr = bundle(name + "_fr.properties");
            for (String key : en.stringPropertyNames()) {
                assertThat(arguments(fr.getProperty(key))).as(key).isEqualTo(arguments(en.getProperty(key)));
            }
        }
    }

    @Test
    void everyMessageFormatsInBothLanguagesWithoutLeftovers() throws IOException {
        String[] values = {"ARG-ZERO", "ARG-ONE", "ARG-TWO", "ARG-THREE", "ARG-FOUR", "ARG-FIVE", "ARG-SIX", "ARG-SEVEN"
        };
        for (String name : bundles()) {
            Properties en = bundle(name + ".properties");
            for (String key : en.stringPropertyNames()) {
                for (Language language : Language.values()) {
                    String text = Messages.get(language, key, (Object[]) values);
                    String where = language.tag() + " " + key;
                    assertThat(text).as(where).isNotBlank().doesNotContainPattern("\\{\\d");
                    assertThat(text).as(where + " (doubled apostrophe left)").doesNotContain("''");
                    for (int index : arguments(en.getProperty(key))) {
                        assertThat(text).as(where).contains(values[index]);
                    }
                }
            }
        }
    }

    @Test
    void frenchAndEnglishSentencesDiffer() {
        for (String key :
                new String[] {"answer.blank", "answer.too-long", "answer.suggest", "answer.fallback", "label.dont"}) {
            assertThat(Messages.get(Language.FR, key, "x", 1, 2))
                    .as(key)
                    .isNotEqualTo(Messages.get(Language.EN, key, "x", 1, 2));
        }
    }

    @Test
    void apostrophesSurviveFormatting() {
        assertThat(Messages.get(Language.EN, "label.dont")).isEqualTo("Don't");
        assertThat(Messages.get(Language.FR, "answer.blank", "Acme")).contains("l'usage", "Acme");
        assertThat(Messages.get(Language.FR, "answer.too-long", 1500, 1000)).startsWith("C'est");
    }
}
