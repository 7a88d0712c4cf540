package com.charterbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.app.charter.CharterProperties;
import com.charterbot.app.conversation.ConversationProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The command line reads the configuration the server reads: the direct reading of the
 * {@code charter.*} settings gives what Spring Boot binds from the same arguments, system
 * properties, environment and files, and it steps aside whenever Spring Boot's other rules apply.
 */
class CliConfigurationTest {

    @TempDir
    Path folder;

    @Test
    void readsTheSameDefaultsAsTheServer() {
        assertThat(direct(List.of(), Map.of(), Map.of())).isEqualTo(server(List.of(), Map.of(), Map.of()));
    }

    @Test
    void readsEnvironmentVariablesInBothRelaxedForms() {
        Map<String, String> environment = Map.of(
                "CHARTER_COMPANY_NAME",
                "Globex",
                "CHARTER_CONTACTS_HR",
                "people@globex.test",
                "CHARTER_DEFAULTLANGUAGE",
                "fr");

        CharterProperties read = direct(List.of(), environment, Map.of());

        assertThat(read.companyName()).isEqualTo("Globex");
        assertThat(read.contacts().hr()).isEqualTo("people@globex.test");
        assertThat(read.defaultLanguage()).isEqualTo("fr");
        assertThat(read).isEqualTo(server(List.of(), environment, Map.of()));
    }

    @Test
    void argumentsWinOverSystemPropertiesWhichWinOverTheEnvironmentWhichWinsOverFiles() throws IOException {
        Files.writeString(
                folder.resolve("application.yaml"),
                "charter:\n  company-name: FromFile\n  contacts: {legal: legal@file.test}\n");
        List<String> arguments = List.of("--charter.link=https://intranet.test/charter", "--charter.dir=/tmp/charter");
        Map<String, String> environment = Map.of(
                "CHARTER_LINK",
                "https://env.test",
                "CHARTER_COMPANY_NAME",
                "FromEnv",
                "CHARTER_CONTACTS_IT",
                "it@env.test");
        Map<String, String> systemProperties =
                Map.of("charter.company-name", "FromSystem", "charter.link", "https://system.test");

        CharterProperties read = direct(arguments, environment, systemProperties);

        assertThat(read.link()).isEqualTo("https://intranet.test/charter");
        assertThat(read.folder()).isEqualTo(Path.of("/tmp/charter"));
        assertThat(read.companyName()).isEqualTo("FromSystem");
        assertThat(read.contacts().it()).isEqualTo("it@env.test");
        assertThat(read.contacts().legal()).isEqualTo("legal@file.test");
        assertThat(read).isEqualTo(server(arguments, environment, systemProperties));
    }

    @Test
    void readsTheWorkingFoldersFileInAnySpellingAndConfigFolderWinsOverIt() throws IOException {
        Files.writeString(folder.resolve("application.yaml"), """
                charter:
                  dir: .
                  companyName: Globex
                  link:
                  default_language: fr
                  contacts:
                    hr: people@globex.test
                    it: help@globex.test
                """);
        Files.createDirectories(folder.resolve("config"));
        Files.writeString(
                folder.resolve("config/application.properties"), "charter.contacts.it=servicedesk@globex.test\n");

        CharterProperties read = direct(List.of(), Map.of(), Map.of());

        assertThat(read.folder()).isEqualTo(Path.of("."));
        assertThat(read.companyName()).isEqualTo("Globex");
        assertThat(read.link()).isEmpty();
        assertThat(read.defaultLanguage()).isEqualTo("fr");
        assertThat(read.contacts().it()).isEqualTo("servicedesk@globex.test");
        assertThat(read).isEqualTo(server(List.of(), Map.of(), Map.of()));
    }

    @Test
    void leavesToSpringBootWhatOnlyItKnows() throws IOException {
        assertThat(configuration(List.of("--spring.profiles.active=demo"), Map.of(), Map.of())
                        .direct())
                .isEmpty();
        assertThat(configuration(List.of(), Map.of("SPRING_PROFILES_ACTIVE", "prod"), Map.of())
                        .direct())
                .isEmpty();
        assertThat(configuration(List.of(), Map.of("SPRING_APPLICATION_JSON", "{}"), Map.of())
                        .direct())
                .isEmpty();
        assertThat(configuration(List.of(), Map.of(), Map.of("spring.config.location", "file:/etc/bot/"))
                        .direct())
                .isEmpty();

        Files.writeString(folder.resolve("application.yaml"), "charter:\n  company-name: ${COMPANY:Globex}\n");
        assertThat(configuration(List.of(), Map.of(), Map.of()).direct())
                .as("a placeholder")
                .isEmpty();
        Files.writeString(
                folder.resolve("application.yaml"),
                "charter:\n  company-name: Globex\n---\nspring.config.activate.on-profile: x\n");
        assertThat(configuration(List.of(), Map.of(), Map.of()).direct())
                .as("several documents")
                .isEmpty();
        Files.writeString(folder.resolve("application.yaml"), "spring.config.import: optional:file:more.yaml\n");
        assertThat(configuration(List.of(), Map.of(), Map.of()).direct())
                .as("an import")
                .isEmpty();
        Files.writeString(folder.resolve("application.yaml"), "charter:\n  company-name: Globex\n");
        Files.writeString(folder.resolve("application.properties"), "charter.company-name=Initech\n");
        assertThat(configuration(List.of(), Map.of(), Map.of()).direct())
                .as("two files in one folder")
                .isEmpty();
    }

    @Test
    void bindsTheConversationSettingsAsTheServerDoes() {
        List<String> arguments = List.of("--charter.quiz.session-ttl=2h", "--charter.admins.slack-user-ids=U1,U2");

        ConversationProperties conversation = CliConfiguration.of(arguments).conversation();

        assertThat(conversation.quiz().sessionTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(conversation.admins().slackUserIds()).containsExactlyInAnyOrder("U1", "U2");
    }

    @Test
    void namesASettingThatDoesNotBindAndWhy() {
        assertThatThrownBy(() -> CliConfiguration.of(List.of("--charter.quiz.session-ttl=soon"))
                        .conversation())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("charter.quiz.session-ttl = soon");
        assertThatThrownBy(() -> CliConfiguration.of(List.of("--charter.default-language=de"))
                        .charter())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("charter.default-language must be en or fr, not 'de'");
    }

    private CliConfiguration configuration(
            List<String> arguments, Map<String, String> environment, Map<String, String> systemProperties) {
        return new CliConfiguration(arguments, environment, systemProperties, folder);
    }

    private CharterProperties direct(
            List<String> arguments, Map<String, String> environment, Map<String, String> systemProperties) {
        return configuration(arguments, environment, systemProperties)
                .direct()
                .orElseThrow(() -> new AssertionError("read through Spring Boot, not directly"));
    }

    /**
     * What the server binds from the same inputs: Spring Boot's config-data loader, with the
     * working folder at {@link #folder} instead of the process's.
     */
    private CharterProperties server(
            List<String> arguments, Map<String, String> environment, Map<String, String> systemProperties) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--spring.config.location=optional:classpath:/;optional:classpath:/config/;optional:file:" + folder
                + "/;optional:file:" + folder + "/config/");
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().addLast(new SimpleCommandLinePropertySource(all.toArray(String[]::new)));
        spring.getPropertySources()
                .addLast(new MapPropertySource(
                        StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.copyOf(systemProperties)));
        spring.getPropertySources()
                .addLast(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(environment)));
        ConfigDataEnvironmentPostProcessor.applyTo(spring);
        ConfigurationPropertySources.attach(spring);
        return Binder.get(spring).bindOrCreate("charter", CharterProperties.class);
    }
}
