package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The chart's {@code config} block accepts exactly the {@code charter.*} settings the application
 * has (from the metadata its build writes), no fewer, so none is out of reach, and no more, so
 * that a typo fails {@code helm install} instead of being ignored.
 */
class ConfigSchemaTest {

    @Test
    void configAcceptsExactlyTheApplicationsCharterSettings() throws IOException {
        Path metadata = Path.of(System.getProperty(
                "charter.metadata", "../bot-app/target/classes/META-INF/spring-configuration-metadata.json"));
        assertThat(metadata)
                .as(
                        "bot-app's configuration metadata: build bot-app first (./mvnw verify builds it before this module)")
                .isRegularFile();
        Set<String> application = new TreeSet<>();
        Map<?, ?> json = new ObjectMapper().readValue(metadata.toFile(), Map.class);
        for (Object property : (Iterable<?>) json.get("properties")) {
            String name = String.valueOf(((Map<?, ?>) property).get("name"));
            if (name.startsWith("charter.")) {
                application.add(name.substring("charter.".length()));
            }
        }

        Map<?, ?> schema = new ObjectMapper()
                .readValue(Chart.dir().resolve("values.schema.json").toFile(), Map.class);
        Set<String> accepted = new TreeSet<>();
        leaves("", (Map<?, ?>) ((Map<?, ?>) schema.get("properties")).get("config"), accepted);

        assertThat(accepted).isEqualTo(application);
    }

    private static void leaves(String prefix, Map<?, ?> node, Set<String> names) {
        assertThat(node.get("additionalProperties"))
                .as("config%s refuses names it does not know", prefix.isEmpty() ? "" : "." + prefix)
                .isEqualTo(false);
        ((Map<?, ?>) node.get("properties")).forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            Map<?, ?> child = (Map<?, ?>) value;
            if ("object".equals(child.get("type"))) {
                leaves(name, child, names);
            } else {
                names.add(name);
            }
        });
    }
}
