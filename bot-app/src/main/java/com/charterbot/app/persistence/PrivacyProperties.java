package com.charterbot.app.persistence;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the bot keeps about people and for how long ({@code charter.privacy.*}).
 *
 * @param questionRetention how long the texts of questions the charter could not answer are kept
 *     for administrators (30 days); must be positive
 * @param userKeySecret the HMAC key that pseudonymises user ids (base64 or text, 16 bytes or more); unset, one is generated and kept in
 *     the database with a warning, which production refuses (see {@link UserKeySecret})
 */
@ConfigurationProperties("charter.privacy")
public record PrivacyProperties(@DefaultValue("30d") Duration questionRetention, String userKeySecret) {

    public PrivacyProperties {
        if (questionRetention.isNegative() || questionRetention.isZero()) {
            throw new IllegalArgumentException(
                    "charter.privacy.question-retention must be positive, not " + questionRetention);
        }
    }

    /** The configured key, if one is set (blank counts as unset). */
    public Optional<String> configuredUserKey() {
        return Optional.ofNullable(userKeySecret).map(String::strip).filter(secret -> !secret.isEmpty());
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "PrivacyProperties[questionRetention=" + questionRetention + ", userKeySecret="
                + (configuredUserKey().isPresent() ? "(set)" : "(unset)") + "]";
    }
}
