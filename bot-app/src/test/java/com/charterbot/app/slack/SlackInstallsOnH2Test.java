package com.charterbot.app.slack;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SlackInstallsEndToEnd} on the embedded H2 database. */
class SlackInstallsOnH2Test extends SlackInstallsEndToEnd {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        common(registry);
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:slack-installs-" + System.nanoTime()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }
}
