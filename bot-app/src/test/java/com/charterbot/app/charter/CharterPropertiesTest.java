package com.charterbot.app.charter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.values.Language;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CharterPropertiesTest {

    private static CharterProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("charter", CharterProperties.class);
    }

    @Test
    void defaultsMatchTheDocumentation() {
        CharterProperties properties = bind(Map.of());

        assertThat(properties.folder()).isNull();
        assertThat(properties.companyName()).isEqualTo("Acme Industries");
        assertThat(properties.link()).isEmpty();
        assertThat(properties.defaultLanguage()).isEqualTo("en");
        assertThat(properties.language()).isEqualTo(Language.EN);
        assertThat(properties.contacts().communications()).isEqualTo("communication@example.com");
        assertThat(properties.contacts().security()).isEqualTo("security@example.com");
        assertThat(properties.contacts().hr()).isEqualTo("hr@example.com");
        assertThat(properties.contacts().it()).isEqualTo("servicedesk@example.com");
        assertThat(properties.contacts().legal()).isEqualTo("legal@example.com");
        assertThat(properties.settings()).isEqualTo(CharterSettings.DEFAULTS);
    }

    @Test
    void settingsCarryTheConfiguredValues() {
        CharterProperties properties = bind(Map.of(
                "charter.dir", "/srv/charter",
                "charter.company-name", "Globex",
                "charter.link", "https://intranet.globex.test/charter",
                "charter.default-language", "fr",
                "charter.contacts.communications", "press@globex.test",
                "charter.contacts.security", "soc@globex.test",
                "charter.contacts.hr", "people@globex.test",
                "charter.contacts.it", "help@globex.test",
                "charter.contacts.legal", "counsel@globex.test"));

        assertThat(properties.folder()).isEqualTo(Path.of("/srv/charter"));
        assertThat(properties.language()).isEqualTo(Language.FR);
        assertThat(properties.settings())
                .isEqualTo(new CharterSettings(
                        "Globex",
                        "press@globex.test",
                        "soc@globex.test",
                        "people@globex.test",
                        "help@globex.test",
                        "counsel@globex.test",
                        "https://intranet.globex.test/charter"));
    }

    @Test
    void unsetContactsKeepTheirDefaultsWhenOthersAreSet() {
        CharterProperties properties = bind(Map.of("charter.contacts.hr", "people@globex.test"));

        assertThat(properties.settings().hrContact()).isEqualTo("people@globex.test");
        assertThat(properties.settings().itContact()).isEqualTo("servicedesk@example.com");
        assertThat(properties.settings().companyName()).isEqualTo("Acme Industries");
    }

    @Test
    void acceptsLanguageTagsWithRegion() {
        assertThat(bind(Map.of("charter.default-language", "fr-CA")).language()).isEqualTo(Language.FR);
    }

    @Test
    void rejectsAnUnsupportedDefaultLanguage() {
        Throwable failure = catchThrowable(() -> bind(Map.of("charter.default-language", "de")));

        assertThat(failure).isInstanceOf(BindException.class);
        assertThat(failure).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(failure)
                .rootCause()
                .hasMessageContaining("charter.default-language")
                .hasMessageContaining("'de'");
    }
}
