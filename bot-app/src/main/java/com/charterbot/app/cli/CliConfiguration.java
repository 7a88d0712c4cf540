package com.charterbot.app.cli;

import com.charterbot.app.charter.CharterProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Resolves the {@code charter.*} settings for a command-line run from the same sources and in the
 * same order of precedence as the server: {@code --charter.x=y} arguments, Java system
 * properties, environment variables ({@code CHARTER_COMPANY_NAME} or {@code CHARTER_COMPANYNAME}),
 * then the bundled application.yaml. Spring's own binder would cost most of a second of start-up.
 */
final class CliConfiguration {

    /** Every setting under {@code charter.}; CliConfigurationTest checks the server binds the same. */
    static final List<String> KEYS = List.of("dir", "company-name", "link", "default-language", "contacts.communications",
            "contacts.security", "contacts.hr", "contacts.it", "contacts.legal");

    private CliConfiguration() {}

    static CharterProperties resolve(List<String> propertyArguments, Map<String, String> environment, Map<String, String> systemProperties) {
        Map<String, String> values = new HashMap<>(bundledDefaults());
        for (String key : KEYS) {
            for (String name : environmentNames(key)) {
                if (environment.containsKey(name)) {
                    values.put(key, environment.get(name));
                }
            }
            if (systemProperties.containsKey("charter." + key)) {
                values.put(key, systemProperties.get("charter." + key));
            }
        }
        for (String argument : propertyArguments) {
            String name = argument.substring(2, argument.indexOf('='));
            if (!name.startsWith("charter.") || !KEYS.contains(name.substring("charter.".length()))) {
                throw new IllegalArgumentException("unknown setting " + name + " (known: charter." + String.join(", charter.", KEYS) + ")");
            }
            values.put(name.substring("charter.".length()), argument.substring(argument.indexOf('=') + 1));
        }
        String dir = values.get("dir");
        return new CharterProperties(
                dir == null || dir.isBlank() ? null : Path.of(dir),
                values.get("company-name"),
                values.get("link"),
                new CharterProperties.Contacts(values.get("contacts.communications"), values.get("contacts.security"),
                        values.get("contacts.hr"), values.get("contacts.it"), values.get("contacts.legal")),
                values.get("default-language"));
    }

    /** The names Spring Boot's relaxed binding accepts for a setting in the environment. */
    private static List<String> environmentNames(String key) {
        String upper = ("charter." + key).toUpperCase(Locale.ROOT).replace('.', '_');
        return List.of(upper.replace("-", ""), upper.replace('-', '_'));
    }

    private static Map<String, String> bundledDefaults() {
        try (InputStream in = CliConfiguration.class.getClassLoader().getResourceAsStream("application.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the bundled application.yaml is missing");
            }
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, String> flat = new HashMap<>();
            if (root instanceof Map<?, ?> map && map.get("charter") instanceof Map<?, ?> charter) {
                flatten("", charter, flat);
            }
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled application.yaml", e);
        }
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> flat) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, flat);
            } else if (value != null) {
                flat.put(name, String.valueOf(value));
            }
        });
    }
}
