package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values an operator gets wrong: each fails at install time, before anything reaches the cluster,
 * with a message naming the value.
 */
class InvalidValuesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            replicaCount: three                              | replicaCount: Invalid type. Expected: integer, given: string
            image: {repository: ''}                          | image.repository: String length must be greater than or equal to 1
            image: {repository: null}                        | image: repository is required
            image: {pullPolicy: Sometimes}                   | image.pullPolicy must be one of the following
            database: {type: mysql}                          | database.type must be one of the following: "postgresql", "h2"
            database: {url: 'postgres://db:5432/charter'}    | database.url: Does not match pattern '^(jdbc:postgresql://.+)?$'
            database: {secretKeys: {password: ''}}           | database.secretKeys.password: String length must be greater than or equal to 1
            slack: {mode: websocket}                         | slack.mode must be one of the following: "http", "socket"
            teams: {enabled: 'no'}                           | teams.enabled: Invalid type. Expected: boolean, given: string
            ingress: {enabled: true, host: 'https://bot.example.com/'} | ingress.host: Does not match pattern
            service: {port: 80800}                           | service.port: Must be less than or equal to 65535
            autoscaling: {maxReplicas: 0}                    | autoscaling.maxReplicas: Must be greater than or equal to 1
            terminationGracePeriodSeconds: 20                | terminationGracePeriodSeconds: Must be greater than or equal to 35
            config: {default-language: de}                   | config.default-language must be one of the following: "en", "fr"
            replicas: 3                                      | Additional property replicas is not allowed
            config: {contact: {hr: hr@globex.test}}          | config: Additional property contact is not allowed
            config: {contacts: {human-resources: hr@x.test}} | config.contacts: Additional property human-resources is not allowed
            config: {companyname: Globex}                    | config: Additional property companyname is not allowed
            config: {nudges: {frequency: fortnightly}}       | config.nudges.frequency must be one of the following
            config: {quiz: {questions: 12}}                  | config.quiz.questions: Must be less than or equal to 10
            config: {scheduler: {heartbeat-interval: soon}}  | config.scheduler.heartbeat-interval: Does not match pattern
            """)
    void schemaRejects(String values, String expectedMessage) {
        String message = Chart.renderingFailure(values);

        assertThat(message)
                .contains("values don't meet the specifications of the schema")
                .contains(expectedMessage);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            slack: {bot-token: xoxb-1234}           | config.slack.bot-token
            slack: {signing-secret: abcdef}          | config.slack.signing-secret
            slack: {app-token: xapp-1234}            | config.slack.app-token
            teams: {app-password: hunter2}           | config.teams.app-password
            privacy: {user-key-secret: 0123456789abcdef} | config.privacy.user-key-secret
            dir: /somewhere                          | config.dir
            """)
    void refusesCredentialsAndChartManagedSettingsInConfig(String config, String expectedField) {
        String message = Chart.renderingFailure("config: {" + config + "}");

        assertThat(message).contains(expectedField);
        assertThat(message)
                .doesNotContain(config.substring(config.indexOf(':', config.indexOf('{')) + 2)
                        .replace("}", ""));
    }

    @Test
    void refusesSeveralReplicasOnTheEmbeddedDatabaseAndSaysToConfigurePostgresql() {
        String message = Chart.renderingFailure("""
                database: {type: h2}
                replicaCount: 3
                autoscaling: {enabled: false}
                """);

        assertThat(message)
                .contains("database.type=h2 allows one replica only", "Configure PostgreSQL", "or set replicaCount=1");
    }

    @Test
    void refusesAutoscalingOnTheEmbeddedDatabase() {
        String message = Chart.renderingFailure("""
                database: {type: h2}
                replicaCount: 1
                autoscaling: {enabled: true, minReplicas: 1, maxReplicas: 3}
                """);

        assertThat(message).contains("autoscaling may add more", "set autoscaling.enabled=false");
    }

    @Test
    void refusesAnIngressWithoutTheHostSlackAndTeamsCall() {
        assertThat(Chart.renderingFailure("ingress: {enabled: true}")).contains("ingress.enabled needs ingress.host");
    }

    @Test
    void saysWhereACredentialPutUnderConfigGoesInstead() {
        assertThat(Chart.renderingFailure("config: {slack: {bot-token: xoxb-1234}}"))
                .contains(
                        "config.slack.bot-token is not set in config",
                        "put it in the Secret under slack-bot-token",
                        "README step 2");
        assertThat(Chart.renderingFailure("config: {production: {allow-h2: true}}"))
                .contains("set database.type=h2");
    }

    @Test
    void allowsOneReplicaOnTheEmbeddedDatabase() {
        assertThat(Chart.render("""
                database: {type: h2}
                replicaCount: 1
                autoscaling: {enabled: false}
                """).has("Deployment")).isTrue();
    }

    @Test
    void refusesAnAutoscalingRangeThatIsNotARange() {
        assertThat(Chart.renderingFailure("autoscaling: {minReplicas: 5, maxReplicas: 3}"))
                .contains("autoscaling.minReplicas (5) is more than autoscaling.maxReplicas (3)");
    }

    @Test
    void refusesAGracePeriodTooShortForThePreStopPauseAndTheApplicationsShutdown() {
        assertThat(Chart.renderingFailure("terminationGracePeriodSeconds: 40\npreStopSleepSeconds: 15"))
                .contains("terminationGracePeriodSeconds (40) must exceed");
    }
}
