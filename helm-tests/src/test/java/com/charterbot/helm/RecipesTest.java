package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.helm.Chart.Node;
import com.charterbot.helm.Chart.Rendered;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment recipes of the README ({@code helm/recipes}), each with the example
 * {@code my-values.yaml}, rendered as {@code helm install} would: each renders, and its pods
 * reference exactly the Secret keys its header tells the operator to create (a key referenced but
 * never created leaves the pod in CreateContainerConfigError).
 */
class RecipesTest {

    static Path recipes() {
        return Chart.dir().resolveSibling("recipes");
    }

    static Stream<String> recipeNames() throws IOException {
        try (Stream<Path> files = Files.list(recipes())) {
            return files
                    .map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("my-values.yaml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static Rendered render(String recipe) {
        return Chart.render(List.of(recipes().resolve(recipe), recipes().resolve("my-values.yaml")));
    }

    @ParameterizedTest
    @MethodSource("recipeNames")
    void referencesExactlyTheSecretKeysItTellsToCreate(String recipe) throws IOException {
        Set<String> documented = documentedKeys(recipe);
        Rendered chart = render(recipe);

        Set<String> referenced = new TreeSet<>();
        for (Node entry : chart.container().list("env")) {
            Node reference = entry.at("valueFrom.secretKeyRef");
            if (reference.value() != null) {
                assertThat(reference.string("name"))
                        .as(entry.string("name") + "'s Secret")
                        .isEqualTo(Chart.RELEASE);
                referenced.add(reference.string("key"));
            }
        }
        assertThat(referenced)
                .as("keys the pods read: without one they stay in CreateContainerConfigError")
                .isEqualTo(documented);
        assertThat(chart.env("SPRING_PROFILES_ACTIVE").string("value")).isEqualTo("prod");
        assertThat(chart.env("CHARTER_COMPANYNAME").string("value"))
                .as("the company, which prod requires")
                .isEqualTo("Globex Industrial");
    }

    @ParameterizedTest
    @MethodSource("recipeNames")
    void isInTheReadme(String recipe) throws IOException {
        String readme = Files.readString(Chart.dir().resolve("../../README.md"));
        assertThat(readme.contains("helm/recipes/" + recipe))
                .as("the README's Kubernetes steps name helm/recipes/" + recipe)
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack-socket-mode.yaml", "h2-trial.yaml"})
    void socketModeNeedsNoIngressAndNoSigningSecret(String recipe) {
        Rendered chart = render(recipe);

        assertThat(chart.has("Ingress")).isFalse();
        assertThat(chart.envNames())
                .contains("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
                .doesNotContain("SLACK_SIGNING_SECRET")
                .noneMatch(name -> name.startsWith("MICROSOFT_"));
        assertThat(chart.env("CHARTER_TEAMS_ENABLED").string("value")).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack-and-teams.yaml", "slack-only.yaml", "teams-only.yaml"})
    void anHttpRecipeRoutesWhatItServes(String recipe) {
        Rendered chart = render(recipe);

        List<String> paths = chart.one("Ingress").node().list("spec.rules").get(0).list("http.paths").stream()
                .map(p -> p.string("path"))
                .toList();
        assertThat(paths.contains("/slack/events")).isEqualTo(chart.envNames().contains("SLACK_SIGNING_SECRET"));
        assertThat(paths.contains("/api/messages")).isEqualTo(chart.envNames().contains("MICROSOFT_APP_PASSWORD"));
        assertThat(chart.one("Ingress").node().list("spec.rules").get(0).string("host"))
                .isEqualTo("charter-bot.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2-trial.yaml"})
    void theTrialRunsOnePodThatTheProdProfileLetsUseH2(String recipe) {
        Rendered chart = render(recipe);

        assertThat(chart.deployment().at("spec.replicas").value()).isEqualTo(1);
        assertThat(chart.has("HorizontalPodAutoscaler")).isFalse();
        assertThat(chart.env("CHARTER_PRODUCTION_ALLOWH2").string("value")).isEqualTo("true");
        assertThat(chart.envNames()).noneMatch(name -> name.startsWith("SPRING_DATASOURCE_"));
    }

    /** The keys listed on the recipe's {@code # secret keys:} line. */
    private static Set<String> documentedKeys(String recipe) throws IOException {
        String line = Files.readAllLines(recipes().resolve(recipe)).stream()
                .filter(l -> l.startsWith("# secret keys:"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(recipe + " says which Secret keys to create"));
        return new TreeSet<>(
                Arrays.asList(line.substring("# secret keys:".length()).strip().split("\\s+")));
    }
}
