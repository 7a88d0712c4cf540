package com.charterbot.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The app under load, run as a separate JVM ({@code java <jvm options> -jar <jar> <arguments>}) with
 * its output in a log file. Stopped on {@link #close()} or when this JVM exits (Ctrl-C included):
 * SIGTERM first, then SIGKILL if it has not ended after a grace period.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(250);
    /** Spring Boot's default console format: level after the timestamp. */
    private static final Pattern WARN_OR_ERROR = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\b");

    private final Process process;
    private final Path log;
    private final Thread stopOnExit;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.stopOnExit = new Thread(this::stop, "stop-app-under-load");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts the jar with the JDK running this benchmark; the log file is replaced. */
    public static AppProcess start(Path jar, List<String> jvmOptions, List<String> arguments, Path log)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no jar at " + jar.toAbsolutePath());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new AppProcess(process, log);
    }

    /** A loopback port free right now (another process could still take it before the app binds it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * Waits until {@code health} answers 200 with status UP.
     *
     * @throws IllegalStateException if the process exits or the timeout runs out first
     */
    public void awaitHealthy(URI health, Duration timeout) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(health)
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the app exited with status " + process.exitValue() + " before it was healthy");
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200
                        && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(
                "the app was not healthy after " + timeout.toSeconds() + " s at " + health + " (last: " + last + ")");
    }

    /** The operating system's id of the app's process. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Ends the app at once with SIGKILL (on Linux; the platform's forcible end elsewhere), as a
     * crash or an out-of-memory kill would: no shutdown hook, no graceful drain. Waits until it is gone.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the app (pid " + process.pid() + ") still runs 10 s after SIGKILL");
        }
    }

    /** CPU time the app has used so far, all its threads (JIT and GC included); empty where the OS does not say. */
    public Optional<Duration> cpuTime() {
        return process.info().totalCpuDuration();
    }

    /** The app's resident memory now, in MiB (VmRSS of /proc/<pid>/status); empty where there is no /proc. */
    public Optional<Double> residentMiB() {
        OptionalLong kib = status("VmRSS:");
        return kib.isPresent() ? Optional.of(kib.getAsLong() / 1024.0) : Optional.empty();
    }

    /** A number of the app's /proc/<pid>/status, e.g. {@code Threads:} or {@code VmRSS:} (in kB); empty where there is none. */
    public OptionalLong status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(
                            Long.parseLong(line.substring(field.length()).replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    public Path log() {
        return log;
    }

    /** The last {@code count} lines of the log. */
    public List<String> logTail(int count) {
        List<String> lines = logLines();
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    /** Lines in the log so far; with {@link #warningsAndErrors(int)}, tells what was logged after a point. */
    public int logLineCount() {
        return logLines().size();
    }

    /** WARN and ERROR lines (Spring Boot's default format) from line {@code fromLine} (0-based) on, in order. */
    public List<String> warningsAndErrors(int fromLine) {
        List<String> lines = logLines();
        return lines.subList(Math.min(fromLine, lines.size()), lines.size()).stream()
                .filter(line -> WARN_OR_ERROR.matcher(line).find())
                .toList();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // This JVM is already shutting down: the hook is running or has run.
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private List<String> logLines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }
}
