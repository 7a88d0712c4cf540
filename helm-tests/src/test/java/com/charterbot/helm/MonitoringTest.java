package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.helm.Chart.Node;
import com.charterbot.helm.Chart.Rendered;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the alert rules the chart ships, off by default: valid, loaded by the
 * sidecar, and reading only metrics the bot exports. {@code exported-metrics.txt} lists the names
 * their expressions use; bot-app's {@code OperationsEndToEndTest} finds each in a real scrape of
 * {@code /actuator/prometheus}.
 */
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");
    private static final Set<String> GRAFANA_VARIABLES = Set.of("__rate_interval", "__range");

    private static Rendered chart;
    private static JsonNode dashboard;
    private static Set<String> exported;

    @BeforeAll
    static void render() throws IOException {
        chart = Chart.render("""
                grafanaDashboard:
                  enabled: true
                  annotations:
                    grafana_folder: Charter Bot
                prometheusRule:
                  enabled: true
                  labels:
                    release: prometheus
                  alertLabels:
                    team: communications
                """);
        dashboard =
                JSON.readTree((String) chart.one("ConfigMap").node().map("data").get("charter-bot.json"));
        exported = new TreeSet<>();
        try (InputStream in = MonitoringTest.class.getResourceAsStream("/exported-metrics.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    exported.add(line.strip());
                }
            }
        }
    }

    private static List<String> dashboardExpressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        return expressions;
    }

    private static List<Node> rules() {
        return chart.one("PrometheusRule").node().list("spec.groups").get(0).list("rules");
    }

    @Test
    void neitherIsRenderedByDefault() {
        Rendered defaults = Chart.render();

        assertThat(defaults.kinds()).doesNotContain("ConfigMap", "PrometheusRule");
    }

    @Test
    void theDashboardIsAConfigMapTheGrafanaSidecarLoadsWithTheJsonOfTheRepository() throws IOException {
        Node configMap = chart.one("ConfigMap").node();

        assertThat(configMap.string("metadata.name")).isEqualTo(Chart.RELEASE + "-dashboard");
        assertThat(configMap.string("metadata.namespace")).isEqualTo(Chart.NAMESPACE);
        assertThat(configMap.map("metadata.labels"))
                .containsEntry("grafana_dashboard", "1")
                .containsEntry("app.kubernetes.io/name", "charter-bot");
        assertThat(configMap.map("metadata.annotations")).containsEntry("grafana_folder", "Charter Bot");
        String file = Files.readString(Chart.dir().resolve("dashboards/charter-bot.json"));
        assertThat(JSON.readTree(file)).isEqualTo(dashboard);
    }

    @Test
    void theDashboardCanGoWhereTheSidecarWatches() {
        Node configMap = Chart.render("""
                grafanaDashboard:
                  enabled: true
                  namespace: monitoring
                  labels:
                    grafana_dashboard: "yes"
                """).one("ConfigMap").node();

        assertThat(configMap.string("metadata.namespace")).isEqualTo("monitoring");
        assertThat(configMap.map("metadata.labels")).containsEntry("grafana_dashboard", "yes");
    }

    @Test
    void theDashboardIsAGrafanaDashboardWithThePanelsTheOperatorsNeed() {
        assertThat(dashboard.path("uid").asText()).isEqualTo("charter-bot");
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        List<String> titles = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            titles.add(panel.path("title").asText());
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("panel ids are unique")
                    .isTrue();
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt())
                    .as(panel.path("title").asText())
                    .isLessThanOrEqualTo(24);
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText())
                        .as("%s reads the chosen data source", titles.get(titles.size() - 1))
                        .isEqualTo("${datasource}");
                assertThat(panel.path("targets"))
                        .as(panel.path("title").asText())
                        .isNotEmpty();
            }
        }
        assertThat(titles)
                .contains(
                        "Questions by tier",
                        "Top topics",
                        "Answer time",
                        "Quiz answers",
                        "Nudges by outcome",
                        "Paused channels",
                        "Platform API errors",
                        "JVM heap",
                        "Ready replicas");
    }

    @Test
    void everyDashboardQueryReadsExportedMetricsOfTheChosenReplicasWithDefinedVariables() {
        Set<String> defined = new HashSet<>(GRAFANA_VARIABLES);
        dashboard
                .path("templating")
                .path("list")
                .forEach(variable -> defined.add(variable.path("name").asText()));
        assertThat(defined).contains("datasource", "namespace", "pod");
        for (String expression : dashboardExpressions()) {
            Set<String> metrics = PromQl.metricNames(expression);
            assertThat(metrics).as(expression).isNotEmpty();
            assertThat(exported).as("metrics of %s", expression).containsAll(metrics);
            assertThat(expression)
                    .as("scoped to the chosen replicas")
                    .contains("namespace=\"$namespace\", pod=~\"$pod\"");
            Matcher variable = VARIABLE.matcher(expression);
            while (variable.find()) {
                assertThat(defined).as("variable of %s", expression).contains(variable.group(1));
            }
        }
    }

    @Test
    void theRulesAlertOnWhatOperatorsActOn() {
        Node rule = chart.one("PrometheusRule").node();

        assertThat(rule.map("metadata.labels")).containsEntry("release", "prometheus");
        assertThat(rules())
                .extracting(r -> r.string("alert"))
                .containsExactly(
                        "CharterBotNotReady",
                        "CharterBotAbsent",
                        "CharterBotNudgesFailing",
                        "CharterBotChannelsPaused",
                        "CharterBotPlatformApiErrors",
                        "CharterBotHttpErrors",
                        "CharterBotSlowAnswers",
                        "CharterBotEventsHeldBack");
        for (Node alert : rules()) {
            String name = alert.string("alert");
            assertThat(alert.string("labels.severity")).as(name).isIn("critical", "warning", "info");
            assertThat(alert.string("labels.team")).as(name).isEqualTo("communications");
            assertThat(alert.string("annotations.summary")).as(name).isNotBlank();
            assertThat(alert.string("annotations.description")).as(name).isNotBlank();
        }
    }

    @Test
    void everyRuleReadsExportedMetricsOfThisReleaseOnly() {
        for (Node alert : rules()) {
            String expression = alert.string("expr");
            Set<String> metrics = PromQl.metricNames(expression);
            assertThat(metrics).as(expression).isNotEmpty();
            assertThat(exported).as("metrics of %s", alert.string("alert")).containsAll(metrics);
            Matcher selector = Pattern.compile("[a-z_:]+\\{([^}]*)}").matcher(expression);
            int selectors = 0;
            while (selector.find()) {
                selectors++;
                assertThat(selector.group(1))
                        .as(expression)
                        .contains("namespace=\"" + Chart.NAMESPACE + "\"", "job=\"" + Chart.RELEASE + "\"");
            }
            assertThat(selectors).as(expression).isGreaterThanOrEqualTo(metrics.size());
        }
    }

    @Test
    void prometheusTemplatesSurviveHelmsOwn() {
        Node notReady = rules().get(0);

        assertThat(notReady.string("annotations.summary"))
                .isEqualTo("Charter Bot replica {{ $labels.pod }} is not ready");
        assertThat(rules().get(2).string("annotations.summary")).contains("{{ $value | humanize }}");
    }

    @Test
    void thresholdsComeFromTheValues() {
        List<Node> tuned = Chart.render("""
                prometheusRule:
                  enabled: true
                  thresholds:
                    notReadyFor: 2m
                    httpErrorRatio: 0.2
                    answerSecondsP95: 1.5
                """)
                .one("PrometheusRule")
                .node()
                .list("spec.groups")
                .get(0)
                .list("rules");

        assertThat(tuned.get(0).string("for")).isEqualTo("2m");
        assertThat(tuned.get(5).string("expr")).endsWith("> 0.2");
        assertThat(tuned.get(6).string("expr")).endsWith("> 1.5");
    }

    @Test
    void aWrongThresholdOrAnUnknownSettingIsRefused() {
        assertThat(Chart.renderingFailure("prometheusRule:\n  thresholds:\n    httpErrorRatio: 5\n"))
                .contains("httpErrorRatio");
        assertThat(Chart.renderingFailure("prometheusRule:\n  thresholds:\n    notReadyFor: soon\n"))
                .contains("notReadyFor");
        assertThat(Chart.renderingFailure("grafanaDashboard:\n  folder: Charter\n"))
                .contains("folder");
    }

    @Test
    void theListOfExportedMetricsNamesNothingTheChartDoesNotRead() {
        Set<String> read = new TreeSet<>();
        dashboardExpressions().forEach(expression -> read.addAll(PromQl.metricNames(expression)));
        rules().forEach(alert -> read.addAll(PromQl.metricNames(alert.string("expr"))));

        assertThat(read).isEqualTo(exported);
    }

    @Test
    void readsMetricNamesOutOfPromQl() {
        assertThat(
                        PromQl.metricNames(
                                "histogram_quantile(0.95, sum by (le) (rate(charter_answer_seconds_bucket{pod=~\"$pod\"}[$__rate_interval])))"))
                .containsExactly("charter_answer_seconds_bucket");
        assertThat(PromQl.metricNames(
                        "sum(rate(a_total{status=~\"5..\"}[5m])) / sum without (x) (rate(b_total[5m])) > 0.05"))
                .containsExactly("a_total", "b_total");
        assertThat(PromQl.metricNames("absent(up{job=\"x\"}) or vector(0) and on (pod) c_info == bool 1"))
                .containsExactly("up", "c_info");
        assertThat(PromQl.metricNames("topk(10, sum by (topic) (increase(q_total{topic!=\"none\"}[$__range])))"))
                .containsExactly("q_total");
    }
}
