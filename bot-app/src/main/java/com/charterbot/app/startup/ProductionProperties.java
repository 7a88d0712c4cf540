package com.charterbot.app.startup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the {@code prod} profile accepts when told so explicitly ({@code charter.production.*}).
 *
 * @param allowH2 runs on the embedded H2 database: one instance, data in {@code CHARTER_DATA_DIR}; for a trial
 * @param allowPlaceholders runs with the sample company name or contacts at example domains; for a demonstration
 */
@ConfigurationProperties("charter.production")
public record ProductionProperties(
        @DefaultValue("false") boolean allowH2,
        @DefaultValue("false") boolean allowPlaceholders) {}
