package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart under test, rendered with Helm's own library (helm-java bundles it natively, so no
 * {@code helm} binary is needed) exactly as {@code helm template} would, schema validation included.
 */
final class Chart {

    static final String RELEASE = "charter-bot";
    static final String NAMESPACE = "charter";

    private Chart() {}

    /** The chart's folder; Maven passes it, an IDE run from the module falls back to the relative path. */
    static Path dir() {
        return Path.of(System.getProperty("charter.chart.dir", "../helm/charter-bot"))
                .toAbsolutePath()
                .normalize();
    }

    static Path productionValues() {
        return dir().resolve("ci/production-values.yaml");
    }

    /** A copy of the chart in a fresh temporary folder, for tests that alter it. */
    static Path copy() {
        try {
            Path target = Files.createTempDirectory("charter-bot-chart");
            try (Stream<Path> paths = Files.walk(dir())) {
                for (Path source : paths.toList()) {
                    Path copy = target.resolve(dir().relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders with the chart's defaults overlaid by each values document in turn (as repeated -f). */
    static Rendered render(String... valuesDocuments) {
        return render(List.of(), valuesDocuments);
    }

    /** Renders with these values files, then the values documents, in order. */
    static Rendered render(List<Path> valuesFiles, String... valuesDocuments) {
        return Rendered.parse(template(dir(), valuesFiles, valuesDocuments).call());
    }

    /** Renders an altered copy of the chart (see {@link #copy()}). */
    static Rendered renderAt(Path chartDir, List<Path> valuesFiles, String... valuesDocuments) {
        return Rendered.parse(template(chartDir, valuesFiles, valuesDocuments).call());
    }

    /** Asserts that rendering fails, as {@code helm install} would before creating anything, and returns Helm's message. */
    static String renderingFailure(String... valuesDocuments) {
        return renderingFailureAt(dir(), valuesDocuments);
    }

    static String renderingFailureAt(Path chartDir, String... valuesDocuments) {
        Exception failure = catchException(
                () -> template(chartDir, List.of(), valuesDocuments).call());
        assertThat(failure).as("rendering should have failed").isNotNull();
        return Objects.requireNonNullElse(failure.getMessage(), "");
    }

    private static TemplateCommand template(Path chartDir, List<Path> valuesFiles, String... valuesDocuments) {
        TemplateCommand template =
                new Helm(chartDir).template().withName(RELEASE).withNamespace(NAMESPACE);
        valuesFiles.forEach(template::withValuesFile);
        for (String document : valuesDocuments) {
            template.withValuesFile(writeTemporary(document));
        }
        return template;
    }

    private static Path writeTemporary(String valuesDocument) {
        try {
            Path file = Files.createTempFile("charter-bot-values", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, valuesDocument);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifests of one rendering, in Helm's order, with the raw text for searches. */
    record Rendered(String text, List<Manifest> manifests) {

        static Rendered parse(String text) {
            List<Manifest> manifests = new ArrayList<>();
            for (Object document : new Yaml().loadAll(text)) {
                if (document instanceof Map<?, ?> map) {
                    manifests.add(new Manifest(Node.of(map)));
                }
            }
            return new Rendered(text, List.copyOf(manifests));
        }

        List<String> kinds() {
            return manifests.stream().map(Manifest::kind).toList();
        }

        boolean has(String kind) {
            return kinds().contains(kind);
        }

        /** The one manifest of this kind; fails when there is none or several. */
        Manifest one(String kind) {
            List<Manifest> ofKind =
                    manifests.stream().filter(m -> m.kind().equals(kind)).toList();
            assertThat(ofKind).as("%s objects rendered", kind).hasSize(1);
            return ofKind.get(0);
        }

        Node deployment() {
            return one("Deployment").node();
        }

        Node podSpec() {
            return deployment().at("spec.template.spec");
        }

        Node container() {
            List<Node> containers = podSpec().list("containers");
            assertThat(containers).hasSize(1);
            return containers.get(0);
        }

        /** The container's env entry of this name, or null. */
        Node env(String name) {
            return container().list("env").stream()
                    .filter(e -> name.equals(e.string("name")))
                    .findFirst()
                    .orElse(null);
        }

        List<String> envNames() {
            return container().list("env").stream().map(e -> e.string("name")).toList();
        }
    }

    record Manifest(Node node) {
        String kind() {
            return node.string("kind");
        }

        String name() {
            return node.string("metadata.name");
        }
    }

    /** A node of parsed YAML, navigated with dotted paths ({@code spec.template.spec}). */
    record Node(Object value) {

        static Node of(Object value) {
            return new Node(value);
        }

        Node at(String path) {
            Object current = value;
            for (String key : path.split("\\.")) {
                if (!(current instanceof Map<?, ?> map)) {
                    return new Node(null);
                }
                current = map.get(key);
            }
            return new Node(current);
        }

        /** This node as YAML, for searches. */
        String text() {
            return new Yaml().dump(value);
        }

        boolean exists(String path) {
            return at(path).value() != null;
        }

        String string(String path) {
            Object found = at(path).value();
            return found == null ? null : String.valueOf(found);
        }

        List<Node> list(String path) {
            Object found = at(path).value();
            if (found == null) {
                return List.of();
            }
            assertThat(found).as(path).isInstanceOf(List.class);
            return ((List<?>) found).stream().map(Node::new).toList();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String path) {
            Object found = at(path).value();
            assertThat(found).as(path).isInstanceOf(Map.class);
            return (Map<String, Object>) found;
        }
    }
}
