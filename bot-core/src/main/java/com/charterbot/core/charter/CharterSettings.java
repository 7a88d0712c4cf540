package com.charterbot.core.charter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Company-specific values that replace the charter's placeholders.
 *
 * @param link the full charter's address; blank when there is none, and citations then carry no link
 */
public record CharterSettings(
        String companyName,
        String communicationsContact,
        String securityContact,
        String hrContact,
        String itContact,
        String legalContact,
        String link) {

    public static final CharterSettings DEFAULTS = new CharterSettings(
            "Acme Industries",
            "communication@example.com",
            "security@example.com",
            "hr@example.com",
            "servicedesk@example.com",
            "legal@example.com",
            "");

    /** Hosts reserved for examples (RFC 2606): example.com, .org, .net and anything under .example. */
    private static final Pattern EXAMPLE_HOST =
            Pattern.compile("(?i)(^|[@./])(example\\.(com|org|net)|[-a-z0-9.]*\\.example)([/:>\\s]|$)");

    public CharterSettings {
        companyName = requireText(companyName, "company name");
        communicationsContact = requireText(communicationsContact, "communications contact");
        securityContact = requireText(securityContact, "security contact");
        hrContact = requireText(hrContact, "HR contact");
        itContact = requireText(itContact, "IT contact");
        legalContact = requireText(legalContact, "legal contact");
        link = link == null ? "" : link.strip();
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be blank");
        }
        return value.strip();
    }

    /** The placeholder names, as written between double braces in the charter files, and their values. */
    public Map<String, String> placeholders() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("company", companyName);
        values.put("communications_contact", communicationsContact);
        values.put("security_contact", securityContact);
        values.put("hr_contact", hrContact);
        values.put("it_contact", itContact);
        values.put("legal_contact", legalContact);
        values.put("charter_link", link.isEmpty() ? "-" : link);
        return values;
    }

    /**
     * The placeholders whose values are still samples, by placeholder name: the bundled sample
     * company name, or an address at a domain reserved for examples.
     */
    public Map<String, String> samplesLeft() {
        Map<String, String> samples = new LinkedHashMap<>();
        placeholders().forEach((name, value) -> {
            boolean sampleCompany = name.equals("company") && value.equalsIgnoreCase(DEFAULTS.companyName());
            if (sampleCompany || EXAMPLE_HOST.matcher(value).find()) {
                samples.put(name, value);
            }
        });
        return samples;
    }

    /** The address that cites one section, when the full charter has a link. */
    public Optional<String> linkTo(String sectionId) {
        return link.isEmpty() ? Optional.empty() : Optional.of(link + "#" + sectionId);
    }
}
