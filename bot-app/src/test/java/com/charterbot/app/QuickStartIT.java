package com.charterbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The first hour of a communications officer, with the packaged jar and nothing else: {@code init}
 * a folder, set the company in its {@code application.yaml}, {@code validate}, {@code ask}, then
 * run the server from the same folder. No error and no warning on the way; the server reads the
 * same settings and charter as the command line (same charter version); its only warnings are the
 * two things a quick start leaves unconfigured, one line each.
 *
 * <p>Run by failsafe in {@code ./mvnw verify}, after {@code package}; about 20 seconds.
 */
class QuickStartIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void initEditValidateAskThenServeTheSameCharterWithoutAWarningTooMany() throws Exception {
        Path folder = work.resolve("my-charter");
        Run init = run(work, "init", "my-charter");
        assertThat(init.exitCode()).as(init.all()).isZero();
        Path settings = folder.resolve("application.yaml");
        Files.writeString(
                settings,
                Files.readString(settings).replace("company-name: Acme Industries", "company-name: Globex Industrial"));

        Run validate = run(folder, "validate", ".");
        Run ask = run(folder, "ask", "can I post this photo?");
        Run help = run(folder, "ask", "help");

        assertThat(validate.exitCode()).as(validate.all()).isZero();
        assertThat(ask.exitCode()).as(ask.all()).isZero();
        assertThat(ask.out()).startsWith("Photos and videos at work");
        assertThat(help.out()).as("the folder's application.yaml is read").contains("Globex Industrial");
        for (Run run : List.of(init, validate, ask, help)) {
            assertThat(run.err()).as("nothing on standard error").isEmpty();
            assertThat(run.out()).doesNotContain("WARN", "Exception");
        }
        Matcher version = Pattern.compile("valid, version (\\w+)").matcher(validate.out());
        assertThat(version.find()).as(validate.out()).isTrue();

        int port = freePort();
        int management = freePort();
        Path log = work.resolve("server.log");
        Process server = new ProcessBuilder(
                        java(),
                        "-jar",
                        jar().toString(),
                        "--server.port=" + port,
                        "--management.server.port=" + management)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            awaitReady(server, management, log);
            JsonNode info = new ObjectMapper()
                    .readTree(get(management, "/actuator/info").body());
            assertThat(info.path("charter").path("version").asString())
                    .as("the server serves what validate checked")
                    .isEqualTo(version.group(1));
            assertThat(info.path("charter").path("source").asString()).isEqualTo("folder");
        } finally {
            server.destroy();
            server.waitFor(45, TimeUnit.SECONDS);
            if (server.isAlive()) {
                server.destroyForcibly();
            }
        }
        List<String> warnings = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(" WARN "))
                .toList();
        assertThat(warnings)
                .as("one line per thing a quick start leaves unconfigured")
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("Microsoft Teams authentication is OFF"))
                .anySatisfy(line -> assertThat(line).contains("charter.privacy.user-key-secret"));
        assertThat(Files.readString(log)).doesNotContain(" ERROR ");
    }

    @Test
    void refusesWhatItDoesNotKnowInsteadOfStartingAServer() throws Exception {
        Run version = run(work, "--version");
        Run unknown = run(work, "serve");
        Run flag = run(work, "--port", "9090");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("charter-bot 0.1.0");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command 'serve'", "usage:");
        assertThat(flag.exitCode()).isEqualTo(2);
    }

    private record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run run(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as(String.join(" ", arguments))
                .isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("charter.jar", "target/charter-bot.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the packaged jar (run with ./mvnw verify)").isRegularFile();
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitReady(Process server, int management, Path log) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError(
                        "the server exited with " + server.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (get(management, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the management port is not open yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready after " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
