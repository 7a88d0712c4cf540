package com.charterbot.app.charter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reloading the charter from {@code charter.dir} while the bot runs ({@code charter.reload.*}).
 *
 * @param watchInterval how often the folder is checked for changes; zero turns the check off (the
 *     administrators' {@code reload} command still works)
 */
@ConfigurationProperties("charter.reload")
public record CharterReloadProperties(@DefaultValue("10s") Duration watchInterval) {

    public CharterReloadProperties {
        if (watchInterval == null || watchInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "charter.reload.watch-interval must be zero (off) or positive: " + watchInterval);
        }
    }

    /** Whether the folder is checked for changes at all. */
    public boolean watching() {
        return !watchInterval.isZero();
    }
}
