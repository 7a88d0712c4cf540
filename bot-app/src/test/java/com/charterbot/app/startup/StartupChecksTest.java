package com.charterbot.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StartupChecksTest {

    private static final String POSTGRESQL = "jdbc:postgresql://db:5432/charter";
    private static final String H2 = "jdbc:h2:file:./data/charter-bot;MODE=PostgreSQL";
    private static final String KEY = "charter.privacy.user-key-secret";

    @Test
    void letsTheQuickStartRunOnItsDefaults() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", H2);

        assertThat(StartupChecks.check(environment)).isEmpty();
    }

    @Test
    void refusesTheEmbeddedDatabaseInProductionAndSaysWhatToSet() {
        StartupRefusal refusal = StartupChecks.check(production(H2)).orElseThrow();

        assertThat(refusal.problem())
                .contains("embedded H2 database", "jdbc:h2:file:./data/charter-bot")
                .doesNotContain("MODE=");
        assertThat(refusal.action())
                .contains("SPRING_DATASOURCE_URL=jdbc:postgresql://", "CHARTER_PRODUCTION_ALLOWH2=true");
    }

    @Test
    void acceptsTheEmbeddedDatabaseInProductionWhenToldSo() {
        assertThat(StartupChecks.check(production(H2).withProperty("charter.production.allow-h2", "true")))
                .isEmpty();
    }

    @Test
    void refusesSampleCompanyAndContactsInProductionNamingEachSetting() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", POSTGRESQL)
                .withProperty(KEY, "0123456789abcdef0123")
                .withProperty("charter.company-name", "Globex")
                .withProperty("charter.contacts.hr", "people@acme.example")
                .withProperty("charter.link", "https://intranet.example.com/charter");
        environment.setActiveProfiles("prod");

        StartupRefusal refusal = StartupChecks.check(environment).orElseThrow();

        assertThat(refusal.problem())
                .contains(
                        "charter.contacts.hr = people@acme.example",
                        "charter.link = https://intranet.example.com/charter",
                        "charter.contacts.legal = legal@example.com")
                .doesNotContain("company-name");
        assertThat(refusal.action()).contains("CHARTER_COMPANYNAME", "CHARTER_PRODUCTION_ALLOWPLACEHOLDERS=true");
    }

    @Test
    void refusesTheSampleCompanyNameInProduction() {
        MockEnvironment environment = withRealContacts(new MockEnvironment()
                .withProperty("spring.datasource.url", POSTGRESQL)
                .withProperty(KEY, "0123456789abcdef0123"));
        environment.setActiveProfiles("production");

        assertThat(StartupChecks.check(environment).orElseThrow().problem())
                .contains("charter.company-name = Acme Industries");
    }

    @Test
    void acceptsSamplesInProductionWhenToldSo() {
        assertThat(StartupChecks.check(production(POSTGRESQL)
                        .withProperty("charter.company-name", "Acme Industries")
                        .withProperty("charter.production.allow-placeholders", "true")))
                .isEmpty();
    }

    @Test
    void acceptsARealCompanyOnPostgresqlInProduction() {
        assertThat(StartupChecks.check(production(POSTGRESQL))).isEmpty();
    }

    @Test
    void refusesProductionWithoutAPseudonymKey() {
        MockEnvironment environment = production(POSTGRESQL).withProperty(KEY, " ");

        StartupRefusal refusal = StartupChecks.check(environment).orElseThrow();

        assertThat(refusal.problem()).contains("charter.privacy.user-key-secret");
        assertThat(refusal.action()).contains("CHARTER_PRIVACY_USERKEYSECRET", "openssl rand -base64 32");
    }

    @Test
    void refusesASlackBotTokenWithoutSigningSecretOrAppTokenInAnyProfile() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("charter.slack.bot-token", "xoxb-1-2-secret-token");

        StartupRefusal refusal = StartupChecks.check(environment).orElseThrow();

        assertThat(refusal.problem()).contains("Slack").doesNotContain("xoxb-1-2-secret-token");
        assertThat(refusal.action()).contains("SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN");
    }

    @Test
    void listsEveryProblemInOneRefusal() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", H2)
                .withProperty("charter.slack.bot-token", "xoxb-1-2-secret-token");
        environment.setActiveProfiles("prod");

        StartupRefusal refusal = StartupChecks.check(environment).orElseThrow();

        assertThat(refusal.problem().lines().filter(line -> line.startsWith("- ")))
                .hasSize(4);
        assertThat(refusal.problem()).contains("Slack", "H2", "sample values", "user-key-secret");
        assertThat(refusal.action().lines().filter(line -> line.startsWith("- ")))
                .hasSize(4);
    }

    /** The prod profile with a pseudonym key and a company of its own, on this database. */
    private static MockEnvironment production(String url) {
        MockEnvironment environment = withRealContacts(new MockEnvironment()
                .withProperty("spring.datasource.url", url)
                .withProperty("charter.company-name", "Globex")
                .withProperty(KEY, "0123456789abcdef0123"));
        environment.setActiveProfiles("prod");
        return environment;
    }

    private static MockEnvironment withRealContacts(MockEnvironment environment) {
        for (String contact : new String[] {"communications", "security", "hr", "it", "legal"}) {
            environment.setProperty("charter.contacts." + contact, contact + "@globex.test");
        }
        return environment;
    }
}
