package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.helm.Chart.Node;
import com.charterbot.helm.Chart.Rendered;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chart rendered with {@code ci/production-values.yaml}, the documented production install. */
class ProductionValuesTest {

    private static Rendered chart;

    @BeforeAll
    static void render() {
        chart = Chart.render(List.of(Chart.productionValues()));
    }

    @Test
    void rendersEveryOptionalObjectItEnables() {
        assertThat(chart.kinds())
                .containsExactlyInAnyOrder(
                        "ServiceAccount",
                        "Service",
                        "Deployment",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "Ingress",
                        "NetworkPolicy",
                        "ServiceMonitor");
        assertThat(chart.text()).doesNotContain("kind: Secret");
    }

    @Test
    void ingressRoutesExactlySlackAndTeamsEndpointsToThePublicPort() {
        Node ingress = chart.one("Ingress").node();
        List<Node> rules = ingress.list("spec.rules");
        assertThat(rules).hasSize(1);
        List<Node> paths = rules.get(0).list("http.paths");

        assertThat(rules.get(0).string("host")).isEqualTo("charter-bot.acme.example");
        assertThat(paths).extracting(p -> p.string("path")).containsExactly("/slack/events", "/api/messages");
        assertThat(paths).allSatisfy(p -> {
            assertThat(p.string("pathType")).isEqualTo("Exact");
            assertThat(p.string("backend.service.name"))
                    .isEqualTo(chart.one("Service").name());
            assertThat(p.string("backend.service.port.name")).isEqualTo("http");
        });
        assertThat(ingress.text()).doesNotContain("actuator", "management", "8081");
        assertThat(ingress.list("spec.tls").get(0).at("hosts").value()).isEqualTo(List.of("charter-bot.acme.example"));
        assertThat(ingress.string("spec.ingressClassName")).isEqualTo("nginx");
    }

    @Test
    void serviceMonitorScrapesPrometheusOnTheManagementPortOfThisService() {
        Node monitor = chart.one("ServiceMonitor").node();
        List<Node> endpoints = monitor.list("spec.endpoints");

        assertThat(endpoints).hasSize(1);
        assertThat(endpoints.get(0).string("port")).isEqualTo("management");
        assertThat(endpoints.get(0).string("path")).isEqualTo("/actuator/prometheus");
        assertThat(monitor.string("metadata.labels.release")).isEqualTo("prometheus");
        Map<String, Object> serviceLabels = chart.one("Service").node().map("metadata.labels");
        assertThat(serviceLabels).containsAllEntriesOf(monitor.map("spec.selector.matchLabels"));
        assertThat(chart.one("Service").node().list("spec.ports"))
                .extracting(p -> p.string("name"))
                .contains("management");
    }

    @Test
    void networkPolicyLetsTheIngressControllerInOnHttpAndPrometheusOnManagement() {
        Node policy = chart.one("NetworkPolicy").node();
        List<Node> ingress = policy.list("spec.ingress");

        assertThat(policy.map("spec.podSelector.matchLabels"))
                .isEqualTo(chart.deployment().map("spec.selector.matchLabels"));
        assertThat(ingress).hasSize(2);
        assertThat(ingress.get(0).list("ports").get(0).string("port")).isEqualTo("http");
        assertThat(namespaceOf(ingress.get(0))).isEqualTo("ingress-nginx");
        assertThat(ingress.get(1).list("ports").get(0).string("port")).isEqualTo("management");
        assertThat(namespaceOf(ingress.get(1))).isEqualTo("monitoring");
        assertThat(policy.at("spec.policyTypes").value()).isEqualTo(List.of("Ingress", "Egress"));
        List<Node> egress = policy.list("spec.egress");
        assertThat(egress.get(0).list("ports"))
                .extracting(p -> p.string("port"))
                .containsOnly("53");
        assertThat(egress).hasSize(3);
    }

    @Test
    void credentialsComeFromTheNamedSecretsWithTheirOwnKeys() {
        assertSecretRef("SPRING_DATASOURCE_URL", "charter-db-app", "jdbc-uri");
        assertSecretRef("SPRING_DATASOURCE_USERNAME", "charter-db-app", "username");
        assertSecretRef("SPRING_DATASOURCE_PASSWORD", "charter-db-app", "password");
        assertSecretRef("SLACK_BOT_TOKEN", "charter-bot-credentials", "slack-bot-token");
        assertSecretRef("SLACK_SIGNING_SECRET", "charter-bot-credentials", "slack-signing-secret");
        assertSecretRef("MICROSOFT_APP_PASSWORD", "charter-bot-credentials", "microsoft-app-password");
        assertSecretRef("CHARTER_PRIVACY_USERKEYSECRET", "charter-bot-credentials", "user-key-secret");
        // Public identifiers may be plain values.
        assertThat(chart.env("MICROSOFT_APP_ID").string("value")).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(chart.env("MICROSOFT_APP_TENANT_ID").string("value"))
                .isEqualTo("66666666-7777-8888-9999-000000000000");
    }

    @Test
    void charterSettingsBecomeEnvironmentVariablesSpringBootBinds() {
        assertThat(chart.env("CHARTER_COMPANYNAME").string("value")).isEqualTo("Acme Industries");
        assertThat(chart.env("CHARTER_DEFAULTLANGUAGE").string("value")).isEqualTo("fr");
        assertThat(chart.env("CHARTER_CONTACTS_HR").string("value")).isEqualTo("hr@acme.example");
        assertThat(chart.env("CHARTER_ADMINS_SLACKUSERIDS").string("value")).isEqualTo("U012ABCDEF,U034GHIJKL");
        assertThat(chart.env("CHARTER_ADMINS_TRUSTPLATFORMADMINS").string("value"))
                .isEqualTo("false");
        assertThat(chart.env("CHARTER_SCHEDULER_TENANTBUDGETPERSECOND").string("value"))
                .isEqualTo("5");
        assertThat(chart.envNames()).doesNotHaveDuplicates();
    }

    @Test
    void mountsTheCompanysCharterFromOneConfigMapPerLanguage() {
        String charterDir = chart.env("CHARTER_DIR").string("value");

        assertThat(charterDir).isEqualTo("/etc/charter-bot/charter");
        assertThat(chart.container().list("volumeMounts"))
                .extracting(m -> m.string("mountPath") + " " + m.string("readOnly"))
                .contains(charterDir + "/en true", charterDir + "/fr true");
        assertThat(chart.container().list("volumeMounts")).noneMatch(m -> m.exists("subPath"));
        assertThat(chart.podSpec().list("volumes"))
                .extracting(v -> v.string("configMap.name"))
                .contains("acme-charter-en", "acme-charter-fr");
    }

    @Test
    void scalesBetweenTheConfiguredBounds() {
        Node hpa = chart.one("HorizontalPodAutoscaler").node();

        assertThat(hpa.at("spec.minReplicas").value()).isEqualTo(3);
        assertThat(hpa.at("spec.maxReplicas").value()).isEqualTo(6);
        assertThat(chart.deployment().exists("spec.replicas")).isFalse();
        assertThat(chart.container().string("image")).isEqualTo("registry.example.com/platform/charter-bot:0.1.0");
        assertThat(chart.podSpec().list("imagePullSecrets").get(0).string("name"))
                .isEqualTo("registry-credentials");
    }

    private static void assertSecretRef(String env, String secret, String key) {
        Node entry = chart.env(env);
        assertThat(entry).as(env).isNotNull();
        assertThat(entry.exists("value")).as(env + " inlined").isFalse();
        assertThat(entry.string("valueFrom.secretKeyRef.name")).as(env).isEqualTo(secret);
        assertThat(entry.string("valueFrom.secretKeyRef.key")).as(env).isEqualTo(key);
    }

    private static String namespaceOf(Node rule) {
        Map<String, Object> labels = rule.list("from").get(0).map("namespaceSelector.matchLabels");
        return String.valueOf(labels.get("kubernetes.io/metadata.name"));
    }
}
