package com.charterbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.app.charter.CharterProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

class CliConfigurationTest {

    @Test
    void resolvesTheSameDefaultsAsTheServer() throws IOException {
        assertThat(CliConfiguration.resolve(List.of(), Map.of(), Map.of()))
                .isEqualTo(springBinding(List.of(), Map.of(), Map.of()));
    }

    @Test
    void readsEnvironmentVariablesInBothRelaxedForms() throws IOException {
        Map<String, String> environment = Map.of("CHARTER_COMPANY_NAME", "Globex", "CHARTER_CONTACTS_HR", "people@globex.test",
                "CHARTER_DEFAULTLANGUAGE", "fr");

        CharterProperties resolved = CliConfiguration.resolve(List.of(), environment, Map.of());

        assertThat(resolved.companyName()).isEqualTo("Globex");
        assertThat(resolved.contacts().hr()).isEqualTo("people@globex.test");
        assertThat(resolved.defaultLanguage()).isEqualTo("fr");
        assertThat(resolved).isEqualTo(springBinding(List.of(), environment, Map.of()));
    }

    @Test
    void argumentsWinOverSystemPropertiesWhichWinOverTheEnvironment() throws IOException {
        List<String> arguments = List.of("--charter.link=https://intranet.test/charter", "--charter.dir=/tmp/charter");
        Map<String, String> environment = Map.of("CHARTER_LINK", "https://env.test", "CHARTER_COMPANY_NAME", "FromEnv",
                "CHARTER_CONTACTS_IT", "it@env.test");
        Map<String, String> systemProperties = Map.of("charter.company-name", "FromSystem", "charter.link", "https://system.test");

        CharterProperties resolved = CliConfiguration.resolve(arguments, environment, systemProperties);

        assertThat(resolved.link()).isEqualTo("https://intranet.test/charter");
        assertThat(resolved.dir()).isEqualTo(Path.of("/tmp/charter"));
        assertThat(resolved.companyName()).isEqualTo("FromSystem");
        assertThat(resolved.contacts().it()).isEqualTo("it@env.test");
        assertThat(resolved).isEqualTo(springBinding(arguments, environment, systemProperties));
    }

    @Test
    void refusesAnUnknownSetting() {
        assertThatThrownBy(() -> CliConfiguration.resolve(List.of("--charter.colour=blue"), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting charter.colour");
    }

    /** How the server binds the same inputs: Spring Boot's own property sources and binder. */
    private static CharterProperties springBinding(List<String> arguments, Map<String, String> environment,
            Map<String, String> systemProperties) throws IOException {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().addLast(new SimpleCommandLinePropertySource(arguments.toArray(String[]::new)));
        spring.getPropertySources().addLast(new MapPropertySource("system", Map.copyOf(systemProperties)));
        spring.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(environment)));
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))) {
            spring.getPropertySources().addLast(source);
        }
        return new Binder(ConfigurationPropertySources.get(spring)).bindOrCreate("charter", CharterProperties.class);
    }
}
