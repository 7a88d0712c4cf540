package com.charterbot.app.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.charterbot.app.CharterBotApplication;
import com.charterbot.app.TestCharters;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What an operator reads when the bot refuses to start: Spring Boot's failure report, once, with
 * what is wrong and what to set, and no stack trace or long exception line around it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupReportTest {

    private static final String REPORT = "APPLICATION FAILED TO START";

    /** A failed start leaves its logging set up (JSON here, also kept in a system property): the next application starts afresh. */
    @AfterEach
    void resetLogging() {
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
    }

    @Test
    void reportsARefusalOnceInPlainTextBeforeAnythingStarts(CapturedOutput output) {
        Throwable failure = start("--charter.slack.bot-token=xoxb-0-0-report-test");

        assertThat(failure).isInstanceOf(StartupRefusal.class);
        String text = output.getAll();
        assertThat(occurrences(text, REPORT)).isEqualTo(1);
        assertThat(text).contains("Description:", "Slack is configured wrongly", "Action:", "SLACK_SIGNING_SECRET");
        assertThat(text).as("nothing started before the refusal").doesNotContain("Tomcat", "HikariPool");
        assertThat(text).doesNotContain("\tat ", "Exception", "xoxb-0-0-report-test");
    }

    /** The prod profile logs JSON (application-prod.yaml). */
    @Test
    void reportsAProductionRefusalAsOneJsonEvent(CapturedOutput output) {
        start(
                "--spring.profiles.active=prod",
                "--spring.datasource.url=jdbc:h2:mem:refused",
                "--logging.structured.format.console=ecs");

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = output.getAll()
                .lines()
                .filter(line -> line.startsWith("{"))
                .map(json::readTree)
                .toList();
        List<JsonNode> reports = events.stream()
                .filter(event -> event.path("message").asString().contains(REPORT))
                .toList();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).path("log").path("level").asString()).isEqualTo("ERROR");
        assertThat(reports.get(0).path("message").asString()).contains("embedded H2 database", "Action:");
        assertThat(reports.get(0).has("error"))
                .as("no stack trace in the event")
                .isFalse();
        assertThat(output.getAll().lines().filter(line -> !line.isBlank() && !line.startsWith("{")))
                .as("only JSON lines")
                .isEmpty();
    }

    @Test
    void reportsARefusalFromABeanOnceWithoutTheExceptionChain(@TempDir Path dir, CapturedOutput output) {
        TestCharters.copyBroken(dir);

        Throwable failure = start("--charter.dir=" + dir);

        assertThat(failure).hasRootCauseInstanceOf(StartupRefusal.class);
        String text = output.getAll();
        assertThat(occurrences(text, REPORT)).isEqualTo(1);
        assertThat(text).contains("The charter in " + dir, "validate");
        assertThat(occurrences(text, "no-such-section"))
                .as("each problem listed once, in the report")
                .isEqualTo(1);
        assertThat(text)
                .doesNotContain(
                        "\tat ",
                        "Exception encountered",
                        "UnsatisfiedDependencyException",
                        "appears to have started a thread");
    }

    private static Throwable start(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--server.port=0", "--charter.teams.enabled=false"))
                .toArray(String[]::new);
        return catchThrowable(() -> {
            try (ConfigurableApplicationContext context = new SpringApplication(CharterBotApplication.class).run(all)) {
                throw new AssertionError("the application started: " + context.getId());
            }
        });
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
