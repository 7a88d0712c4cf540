package com.charterbot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar charter-bot.jar playground} as an author runs it: the page is served by a child
 * JVM that compiles with C1 only (see {@link QuickJvm}), which stops with its parent even when the
 * parent is killed outright, and whose exit status is the command's.
 */
class PlaygroundJarIT {

    static final Pattern URL = Pattern.compile("Charter playground: (http://127\\.0\\.0\\.1:\\d+/)");

    final Path jar = Path.of(System.getProperty("charter.jar", "target/charter-bot.jar"));
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theChildServesThePageAndStopsWhenTheParentIsKilled() throws Exception {
        assertThat(jar).as("the packaged jar (run with ./mvnw verify)").isRegularFile();
        Process parent = new ProcessBuilder(java(), "-jar", jar.toString(), "playground", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<ProcessHandle> children = List.of();
        try {
            String url = CompletableFuture.supplyAsync(() -> firstUrl(parent)).get(60, TimeUnit.SECONDS);
            children = parent.toHandle().children().toList();
            assertThat(children).hasSize(1);
            ProcessHandle child = children.get(0);
            assertThat(child.info().arguments().map(List::of).orElse(List.of()))
                    .contains(QuickJvm.COMPILER, "-Dcharter.playground.fork=child", "playground");
            assertThat(get(url)).isEqualTo(200);

            parent.destroyForcibly();

            assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            parent.destroyForcibly();
            // Known before the parent went: a child that outlived it is stopped here, not left running.
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aWrongCommandLineExitsTwoWithItsReasonThroughTheChild() throws Exception {
        Path err = Files.createTempFile("playground-err", ".txt");
        Process parent = new ProcessBuilder(java(), "-jar", jar.toString(), "playground", "--port", "nope")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();

        assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(parent.exitValue()).isEqualTo(2);
        assertThat(Files.readString(err)).contains("--port must be a port number (0 to 65535), not 'nope'");
        Files.delete(err);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String firstUrl(Process process) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher url = URL.matcher(line);
                if (url.find()) {
                    return url.group(1);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the playground's output", e);
        }
        throw new IllegalStateException("the playground stopped without printing its address");
    }

    private int get(String url) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
