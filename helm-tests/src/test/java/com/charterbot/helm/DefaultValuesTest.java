package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.helm.Chart.Node;
import com.charterbot.helm.Chart.Rendered;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code helm install charter-bot ./helm/charter-bot} with nothing set. */
class DefaultValuesTest {

    private static Rendered chart;

    @BeforeAll
    static void render() {
        chart = Chart.render();
    }

    @Test
    void rendersTheWorkloadWithAutoscalingAndADisruptionBudgetButNoSecretIngressOrMonitoring() {
        assertThat(chart.kinds())
                .containsExactlyInAnyOrder(
                        "ServiceAccount", "Service", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget");
        assertThat(chart.text()).doesNotContain("kind: Secret");
    }

    @Test
    void probesAskTheActuatorHealthGroupsOnTheManagementPort() {
        Node container = chart.container();

        assertThat(container.string("startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(container.string("livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(container.string("readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.string(probe + ".httpGet.port")).as(probe).isEqualTo("management");
        }
        assertThat(containerPort(container, "management")).isEqualTo(8081);
        assertThat(containerPort(container, "http")).isEqualTo(8080);
        assertThat(chart.env("MANAGEMENT_SERVER_PORT").string("value")).isEqualTo("8081");
        assertThat(chart.env("PORT").string("value")).isEqualTo("8080");
    }

    @Test
    void startupProbeGivesMigrationsAndTheCharterIndexMinutesNotSeconds() {
        Node startup = chart.container().at("startupProbe");

        int patience = (Integer) startup.at("periodSeconds").value()
                * (Integer) startup.at("failureThreshold").value();

        assertThat(patience).isGreaterThanOrEqualTo(120);
    }

    @Test
    void serviceExposesThePublicAndManagementPortsUnderTheirNames() {
        Node service = chart.one("Service").node();

        assertThat(service.list("spec.ports"))
                .extracting(p -> p.string("name") + ":" + p.string("port") + "->" + p.string("targetPort"))
                .containsExactly("http:8080->http", "management:8081->management");
        assertThat(service.map("spec.selector")).isEqualTo(chart.deployment().map("spec.template.metadata.labels"));
    }

    @Test
    void everyCredentialComesFromTheReleaseSecret() {
        Map<String, String> expectedKeys = Map.of(
                "SPRING_DATASOURCE_URL", "database-url",
                "SPRING_DATASOURCE_USERNAME", "database-username",
                "SPRING_DATASOURCE_PASSWORD", "database-password",
                "CHARTER_PRIVACY_USERKEYSECRET", "user-key-secret",
                "SLACK_BOT_TOKEN", "slack-bot-token",
                "SLACK_SIGNING_SECRET", "slack-signing-secret",
                "MICROSOFT_APP_ID", "microsoft-app-id",
                "MICROSOFT_APP_PASSWORD", "microsoft-app-password",
                "MICROSOFT_APP_TENANT_ID", "microsoft-app-tenant-id");

        expectedKeys.forEach((env, key) -> {
            Node entry = chart.env(env);
            assertThat(entry).as(env).isNotNull();
            assertThat(entry.exists("value")).as(env + " inlined").isFalse();
            assertThat(entry.string("valueFrom.secretKeyRef.name")).as(env).isEqualTo(Chart.RELEASE);
            assertThat(entry.string("valueFrom.secretKeyRef.key")).as(env).isEqualTo(key);
        });
        assertThat(chart.env("MICROSOFT_APP_TENANT_ID").string("valueFrom.secretKeyRef.optional"))
                .isEqualTo("true");
        assertThat(chart.env("SLACK_BOT_TOKEN").exists("valueFrom.secretKeyRef.optional"))
                .isFalse();
    }

    @Test
    void slackDefaultsToHttpModeWithoutAnAppToken() {
        assertThat(chart.envNames()).contains("SLACK_SIGNING_SECRET").doesNotContain("SLACK_APP_TOKEN");
        assertThat(chart.env("CHARTER_TEAMS_ENABLED").string("value")).isEqualTo("true");
    }

    @Test
    void podAndContainerRunAsNonRootOnAReadOnlyRootFilesystem() {
        Node pod = chart.podSpec().at("securityContext");
        Node container = chart.container().at("securityContext");

        assertThat(pod.string("runAsNonRoot")).isEqualTo("true");
        assertThat((Integer) pod.at("runAsUser").value()).isPositive();
        assertThat(pod.string("seccompProfile.type")).isEqualTo("RuntimeDefault");
        assertThat(container.string("runAsNonRoot")).isEqualTo("true");
        assertThat(container.string("readOnlyRootFilesystem")).isEqualTo("true");
        assertThat(container.string("allowPrivilegeEscalation")).isEqualTo("false");
        assertThat(container.at("capabilities.drop").value()).isEqualTo(List.of("ALL"));
        assertThat(container.string("seccompProfile.type")).isEqualTo("RuntimeDefault");
        assertThat(chart.podSpec().string("automountServiceAccountToken")).isEqualTo("false");
    }

    @Test
    void tmpIsAWritableEmptyDirAndNothingElseIsMounted() {
        assertThat(chart.container().list("volumeMounts"))
                .extracting(m -> m.string("name") + ":" + m.string("mountPath"))
                .containsExactly("tmp:/tmp");
        Node tmp = chart.podSpec().list("volumes").get(0);
        assertThat(tmp.string("name")).isEqualTo("tmp");
        assertThat(tmp.exists("emptyDir.sizeLimit")).isTrue();
    }

    @Test
    void usesTheCharterBundledInTheImage() {
        assertThat(chart.envNames()).doesNotContain("CHARTER_DIR", "CHARTER_DATA_DIR");
        assertThat(chart.has("ConfigMap")).isFalse();
    }

    @Test
    void autoscalerOwnsTheReplicaCountFromTwoPods() {
        Node hpa = chart.one("HorizontalPodAutoscaler").node();

        assertThat(chart.deployment().exists("spec.replicas"))
                .as("replicas would fight the HPA")
                .isFalse();
        assertThat(hpa.string("spec.scaleTargetRef.kind")).isEqualTo("Deployment");
        assertThat(hpa.string("spec.scaleTargetRef.name"))
                .isEqualTo(chart.one("Deployment").name());
        assertThat(hpa.at("spec.minReplicas").value()).isEqualTo(2);
        assertThat((Integer) hpa.at("spec.maxReplicas").value()).isGreaterThan(2);
        Node cpu = hpa.list("spec.metrics").get(0);
        assertThat(cpu.string("resource.name")).isEqualTo("cpu");
        assertThat((Integer) cpu.at("resource.target.averageUtilization").value())
                .isBetween(50, 90);
        assertThat(chart.container().exists("resources.requests.cpu"))
                .as("CPU utilisation needs a request")
                .isTrue();
    }

    @Test
    void disruptionBudgetLetsOnePodGoAtATime() {
        Node pdb = chart.one("PodDisruptionBudget").node();

        assertThat(pdb.at("spec.maxUnavailable").value()).isEqualTo(1);
        assertThat(pdb.map("spec.selector.matchLabels"))
                .isEqualTo(chart.deployment().map("spec.selector.matchLabels"));
    }

    @Test
    void rollsPodsWithoutLosingCapacity() {
        assertThat(chart.deployment().string("spec.strategy.type")).isEqualTo("RollingUpdate");
        assertThat(chart.deployment()
                        .at("spec.strategy.rollingUpdate.maxUnavailable")
                        .value())
                .isEqualTo(0);
    }

    @Test
    void shutdownWaitsForEndpointsAndOutlastsTheApplicationsGracePeriod() {
        int grace =
                (Integer) chart.podSpec().at("terminationGracePeriodSeconds").value();
        List<?> preStop =
                (List<?>) chart.container().at("lifecycle.preStop.exec.command").value();
        int sleep =
                Integer.parseInt(String.valueOf(preStop.get(preStop.size() - 1)).replace("sleep ", ""));

        assertThat(sleep).isBetween(1, 30);
        // The web server's 30 s, then up to 10 s for the Teams answers already acknowledged.
        assertThat(grace).isGreaterThanOrEqualTo(30 + sleep + 10);
    }

    @Test
    void runsTheProductionProfileWithAHeapThatLeavesRoomInTheContainer() {
        assertThat(chart.env("SPRING_PROFILES_ACTIVE").string("value")).isEqualTo("prod");
        String options = chart.env("JAVA_TOOL_OPTIONS").string("value");
        Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(options);
        assertThat(heap.find()).as("a fixed heap in %s", options).isTrue();
        String limit = chart.container().string("resources.limits.memory");
        assertThat(limit).endsWith("Mi");
        // Measured: the process holds about 150 MiB beyond a full 256 MiB heap under load (docs/measurements.md).
        assertThat(Integer.parseInt(heap.group(1)) + 250)
                .isLessThanOrEqualTo(Integer.parseInt(limit.replace("Mi", "")));
        assertThat(options).contains("-XX:+ExitOnOutOfMemoryError");
        // Freed native memory given back to the system: what keeps the pod under 300 MiB under load.
        assertThat(options).containsPattern("-XX:TrimNativeHeapInterval=[1-9]\\d*");
        // A heap that settles near its live data instead of growing for minutes (bench/soak).
        assertThat(options).contains("-XX:MinHeapFreeRatio=15", "-XX:MaxHeapFreeRatio=40");
        assertThat(chart.container().string("image")).isEqualTo("charter-bot:0.1.0");
    }

    private static int containerPort(Node container, String name) {
        return container.list("ports").stream()
                .filter(p -> name.equals(p.string("name")))
                .map(p -> (Integer) p.at("containerPort").value())
                .findFirst()
                .orElseThrow();
    }
}
