package com.charterbot.bench.rehearsal;

import com.charterbot.bench.load.AppProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One instance of the app jar in the rehearsal: its ports, its arguments, the process (started
 * again with the same arguments after a kill) and its readiness, polled every
 * {@value #POLL_MILLIS} ms as a load balancer's health check would. Readiness is
 * {@code /actuator/health/readiness} on the management port, or {@code /actuator/health} on the
 * main port when the app has no separate management port.
 */
final class Replica implements AutoCloseable {

    static final long POLL_MILLIS = 200;

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path jar;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Path logDir;
    private final HttpClient probe =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final List<String> transitions = new ArrayList<>();
    private final List<AppProcess> processes = new ArrayList<>();
    private volatile AppProcess process;
    private volatile boolean ready;
    private volatile long readySinceNanos;
    private volatile boolean closed;
    private int starts;

    Replica(
            String name,
            int port,
            int managementPort,
            Path jar,
            List<String> jvmOptions,
            List<String> arguments,
            Path logDir) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.logDir = logDir;
        Thread poller = new Thread(this::pollReadiness, "readiness-" + name);
        poller.setDaemon(true);
        poller.start();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Starts the jar (again); each start logs to a file of its own. */
    synchronized void start() throws IOException {
        starts++;
        Path log = logDir.resolve(name + (starts == 1 ? "" : "-" + starts) + ".log");
        process = AppProcess.start(jar, jvmOptions, arguments, log);
        processes.add(process);
    }

    /** Every process started so far, the killed one included. */
    synchronized List<AppProcess> processes() {
        return List.copyOf(processes);
    }

    /** SIGKILL, as a crash or the kernel's OOM killer would. */
    void kill() throws InterruptedException {
        long now = System.nanoTime();
        synchronized (this) {
            transitions.add(now + " killed");
        }
        ready = false;
        process.kill();
    }

    boolean isReady() {
        return ready;
    }

    /** When it last became ready ({@link System#nanoTime()}), 0 if it is not ready. */
    long readySinceNanos() {
        return ready ? readySinceNanos : 0;
    }

    /** Waits until ready; false if the process ended or the time ran out first. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready) {
                return true;
            }
            if (process != null && !process.isAlive()) {
                return false;
            }
            Thread.sleep(POLL_MILLIS / 2);
        }
        return ready;
    }

    AppProcess process() {
        return process;
    }

    /** Readiness changes seen, "ready at 12.3 s" and so on, relative to {@code originNanos}. */
    synchronized List<String> transitions(long originNanos) {
        return transitions.stream()
                .map(t -> {
                    String[] parts = t.split(" ", 2);
                    return String.format(
                            Locale.ROOT, "%s at %.1f s", parts[1], (Long.parseLong(parts[0]) - originNanos) / 1e9);
                })
                .toList();
    }

    private void pollReadiness() {
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(1))
                .GET()
                .build();
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health"))
                .timeout(Duration.ofSeconds(1))
                .GET()
                .build();
        while (!closed) {
            boolean up = false;
            AppProcess current = process;
            if (current != null && current.isAlive()) {
                up = isUp(readiness);
                if (!up && managementPort != port) {
                    up = isUp(health);
                }
            }
            if (up != ready) {
                long now = System.nanoTime();
                synchronized (this) {
                    transitions.add(now + " " + (up ? "ready" : "not ready"));
                }
                readySinceNanos = now;
                ready = up;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean isUp(HttpRequest request) {
        try {
            HttpResponse<String> response = probe.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && response.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        for (AppProcess started : processes()) {
            started.close();
        }
    }
}
