package com.charterbot.app.charter;

import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.values.Language;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the charter comes from and the company-specific values its placeholders take.
 *
 * @param dir a charter folder ({@code en/}, {@code fr/}), relative to the working folder or absolute; unset
 *     for the charter bundled with the bot. Bound as text: Spring's own conversion to a path would
 *     look the name up on the classpath first, and read {@code .} as the jar's root.
 * @param companyName replaces {@code {{company}}}
 * @param link the full charter's address, cited with {@code #section-id}; empty for none
 * @param defaultLanguage the reply language when neither the user nor the question says
 */
@ConfigurationProperties("charter")
public record CharterProperties(
        String dir,
        @DefaultValue("Acme Industries") String companyName,
        @DefaultValue("") String link,
        @DefaultValue Contacts contacts,
        @DefaultValue("en") String defaultLanguage) {

    /** The contacts the charter points employees to. */
    public record Contacts(
            @DefaultValue("communication@example.com") String communications,
            @DefaultValue("security@example.com") String security,
            @DefaultValue("hr@example.com") String hr,
            @DefaultValue("servicedesk@example.com") String it,
            @DefaultValue("legal@example.com") String legal) {}

    public CharterProperties {
        if (Language.fromTag(defaultLanguage).isEmpty()) {
            throw new IllegalArgumentException(
                    "charter.default-language must be en or fr, not '" + defaultLanguage + "'");
        }
    }

    /** The charter folder, or null for the charter bundled with the bot. */
    public Path folder() {
        return dir == null || dir.isBlank() ? null : Path.of(dir.strip());
    }

    public CharterSettings settings() {
        return new CharterSettings(
                companyName,
                contacts.communications(),
                contacts.security(),
                contacts.hr(),
                contacts.it(),
                contacts.legal(),
                link);
    }

    public Language language() {
        return Language.fromTag(defaultLanguage).orElseThrow();
    }
}
