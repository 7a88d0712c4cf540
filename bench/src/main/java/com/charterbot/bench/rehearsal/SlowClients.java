package com.charterbot.bench.rehearsal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Clients without any credential that trickle their request bodies (one byte every
 * {@code interval}) to the platform endpoints of one instance for the whole load, reconnecting when
 * the instance gives up on them: the slow-body attack of the outside probe (300 such connections
 * once held every request thread). Counts how each connection ended; none may be answered 2xx.
 */
final class SlowClients implements AutoCloseable {

    private static final String[] PATHS = {"/slack/events", "/api/messages"};

    private final int port;
    private final int connections;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, LongAdder> endings = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();

    SlowClients(int port, int connections, Duration interval) {
        this.port = port;
        this.connections = connections;
        this.interval = interval;
    }

    void start() {
        for (int i = 0; i < connections; i++) {
            String path = PATHS[i % PATHS.length];
            Thread thread = new Thread(() -> trickleWhileRunning(path), "rehearsal-slow-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void trickleWhileRunning(String path) {
        while (running.get()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                opened.incrementAndGet();
                socket.setSoTimeout((int) interval.toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path
                                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                + "Content-Length: 100000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                String ending = null;
                while (running.get() && ending == null) {
                    out.write('x');
                    out.flush();
                    try {
                        ending = statusOf(in);
                    } catch (java.net.SocketTimeoutException quiet) {
                        // still reading our body: trickle on
                    }
                }
                count(ending == null ? "still open at the end" : ending);
            } catch (IOException e) {
                count("closed without an answer");
                pause();
            }
        }
    }

    /** The status code of the answer, or "closed without an answer" when the connection ends first. */
    private static String statusOf(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? "HTTP " + parts[1] : "closed without an answer";
    }

    private void count(String ending) {
        endings.computeIfAbsent(ending, key -> new LongAdder()).increment();
    }

    private void pause() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many connections were answered with a 2xx status: a slow body must never get in. */
    long accepted() {
        return endings.entrySet().stream()
                .filter(e -> e.getKey().startsWith("HTTP 2"))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    String summary() {
        return connections == 0
                ? "none"
                : connections + " at a time, " + opened.get() + " connections in all, trickling a byte every "
                        + interval.toSeconds() + " s; how they ended: " + new java.util.TreeMap<>(endings);
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            thread.interrupt();
        }
    }
}
