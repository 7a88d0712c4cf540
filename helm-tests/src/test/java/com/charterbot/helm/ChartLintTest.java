package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class ChartLintTest {

    @Test
    void passesStrictLintWithItsDefaultValues() {
        LintResult lint = new Helm(Chart.dir()).lint().strict().call();

        assertThat(lint.isFailed()).as("lint failed: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages())
                .noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    @Test
    void strictLintWouldCatchABrokenTemplate() throws IOException {
        Path chart = Chart.copy();
        Files.writeString(
                chart.resolve("templates/service.yaml"),
                "\n  broken: {{ .Values.service.nope.deeper }}\n",
                StandardOpenOption.APPEND);

        LintResult lint = new Helm(chart).lint().strict().call();

        assertThat(lint.isFailed()).isTrue();
        assertThat(String.join("\n", lint.getMessages())).contains("templates/service.yaml");
    }
}
