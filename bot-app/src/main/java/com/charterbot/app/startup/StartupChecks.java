package com.charterbot.app.startup;

import com.charterbot.app.charter.CharterProperties;
import com.charterbot.app.persistence.UserKeySecret;
import com.charterbot.app.slack.SlackProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Checks the configuration as soon as it is read, before anything starts (no web server, no
 * database), so that one failure report lists every problem found here at once: Slack settings
 * that contradict each other, and under the {@code prod} profile a missing pseudonym key, the
 * embedded H2 database or the sample company and contacts (the last two unless
 * {@code charter.production.*} allows them). Registered in {@code META-INF/spring.factories}.
 */
public class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** The profiles that serve employees for real. */
    public static final Profiles PRODUCTION = Profiles.of("prod | production");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment()).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** After the logging system is set up, so that the report comes out in the configured format (JSON under prod). */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** The refusal this configuration deserves, if any, listing every problem found. */
    static Optional<StartupRefusal> check(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        List<StartupRefusal> refusals = new ArrayList<>();
        slack(binder).ifPresent(refusals::add);
        if (environment.acceptsProfiles(PRODUCTION)) {
            ProductionProperties allowed = binder.bindOrCreate("charter.production", ProductionProperties.class);
            String url = environment.getProperty("spring.datasource.url", "");
            if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:") && !allowed.allowH2()) {
                refusals.add(new StartupRefusal(
                        "The prod profile would run on the embedded H2 database (" + url.replaceFirst(";.*", "")
                                + "): its data lives in this one process's folder, and no second replica can share it.",
                        "Set SPRING_DATASOURCE_URL=jdbc:postgresql://<host>:5432/<database> with SPRING_DATASOURCE_USERNAME and "
                                + "SPRING_DATASOURCE_PASSWORD; or, for a trial on one instance, set CHARTER_PRODUCTION_ALLOWH2=true "
                                + "(charter.production.allow-h2)."));
            }
            if (binder.bind(UserKeySecret.PROPERTY, String.class)
                    .map(String::strip)
                    .orElse("")
                    .isEmpty()) {
                refusals.add(new StartupRefusal(
                        "The prod profile has no " + UserKeySecret.PROPERTY + ": the key that pseudonymizes user "
                                + "ids must come from a secret, not from the database it protects.",
                        "Set CHARTER_PRIVACY_USERKEYSECRET (e.g. the output of 'openssl rand -base64 32') and keep it for good; the Helm "
                                + "chart reads it from the Secret's user-key-secret. See SECURITY.md."));
            }
            Map<String, String> samples = samples(binder);
            if (!samples.isEmpty() && !allowed.allowPlaceholders()) {
                List<String> found = new ArrayList<>();
                samples.forEach((placeholder, value) -> found.add(property(placeholder) + " = " + value));
                refusals.add(
                        new StartupRefusal(
                                "The prod profile would send employees to sample values: " + String.join(", ", found)
                                        + ".",
                                "Set your company's name and contacts: CHARTER_COMPANYNAME, CHARTER_CONTACTS_COMMUNICATIONS, _SECURITY, _HR, "
                                        + "_IT, _LEGAL and CHARTER_LINK (charter.company-name, charter.contacts.*, charter.link); or, for a "
                                        + "demonstration, set CHARTER_PRODUCTION_ALLOWPLACEHOLDERS=true (charter.production.allow-placeholders)."));
            }
        }
        return StartupRefusal.combine(refusals);
    }

    /** Slack's settings as the adapter checks them; nothing when Slack is off. */
    private static Optional<StartupRefusal> slack(Binder binder) {
        try {
            SlackProperties slack = binder.bindOrCreate("charter.slack", SlackProperties.class);
            if (slack.enabled()) {
                slack.settings();
            }
            return Optional.empty();
        } catch (StartupRefusal refusal) {
            return Optional.of(refusal);
        } catch (RuntimeException unbound) {
            return Optional.empty(); // the context reports what does not bind, naming the property
        }
    }

    /** The charter settings still at sample values; none when they do not bind (the context then reports why). */
    private static Map<String, String> samples(Binder binder) {
        try {
            return binder.bindOrCreate("charter", CharterProperties.class)
                    .settings()
                    .samplesLeft();
        } catch (RuntimeException unbound) {
            return Map.of();
        }
    }

    private static String property(String placeholder) {
        return switch (placeholder) {
            case "company" -> "charter.company-name";
            case "charter_link" -> "charter.link";
            default -> "charter.contacts." + placeholder.replace("_contact", "");
        };
    }
}
