package com.charterbot.playground;

import com.charterbot.playground.PlaygroundApi.Response;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The playground's web server, on this machine's loopback only: the page (three static files under
 * {@code classpath:/playground/}), the JSON endpoints of {@link PlaygroundApi}, and the charter's
 * state followed as server-sent events ({@code /api/events}: the state now, then again after every
 * change of the files). Every request is checked by {@link PlaygroundGuard}; a failure answers
 * 500 with a message key, never a stack trace.
 *
 * <p>It is the JDK's own HTTP server, not Spring MVC on Tomcat as the bot's server: an author
 * waits for the page, which must be ready within 3 s of the command on a two-core laptop, and
 * Spring's start alone took 4 s there. This one starts in milliseconds, and the page needs
 * nothing more than these routes.
 */
final class PlaygroundServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundServer.class);

    /** The largest request body read, in bytes: a question file of {@link PlaygroundApi#MAX_EVAL} characters fits. */
    static final int MAX_BODY_BYTES = 4 * PlaygroundApi.MAX_EVAL;

    /** The page's files, by path. */
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/playground.js", "playground.js",
            "/playground.css", "playground.css");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService executor;
    private final PlaygroundApi api;
    private final LiveCharter charter;
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    private PlaygroundServer(HttpServer server, ExecutorService executor, PlaygroundApi api, LiveCharter charter) {
        this.server = server;
        this.executor = executor;
        this.api = api;
        this.charter = charter;
    }

    /**
     * Listens on 127.0.0.1 at this port (0: any free one) and follows the charter's changes.
     *
     * @throws java.net.BindException when the port is taken
     */
    static PlaygroundServer start(int port, PlaygroundApi api, LiveCharter charter) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "playground-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        PlaygroundServer server = new PlaygroundServer(http, executor, api, charter);
        http.createContext("/", server::handle);
        http.setExecutor(executor);
        charter.onChange(state -> server.broadcast());
        http.start();
        return server;
    }

    /** The port it listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        charter.stop();
        streams.forEach(EventStream::close);
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            PlaygroundGuard.protect(exchange.getResponseHeaders());
            if (!PlaygroundGuard.allows(exchange.getRequestHeaders())) {
                answer(exchange, 403, null, new byte[0]);
                return;
            }
            switch (path) {
                case "/api/state" -> get(exchange, () -> new Response(PlaygroundApi.OK, api.state()));
                case "/api/messages" -> get(exchange, api::messages);
                case "/api/sections" -> get(exchange, api::sections);
                case "/api/events" -> {
                    if (allowed(exchange, "GET")) {
                        openStream(exchange);
                    }
                }
                case "/api/ask" -> post(exchange, api::ask);
                case "/api/action" -> post(exchange, api::action);
                case "/api/eval" -> post(exchange, api::eval);
                default -> file(exchange, path);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The playground could not answer {} {}: {}", method, path, e.toString());
            try {
                json(exchange, PlaygroundApi.error(500, "error.internal"));
            } catch (IOException | RuntimeException alreadyAnswering) {
                exchange.close();
            }
        }
    }

    private void get(HttpExchange exchange, Supplier<Response> endpoint) throws IOException {
        if (allowed(exchange, "GET")) {
            json(exchange, endpoint.get());
        }
    }

    private void post(HttpExchange exchange, Function<String, Response> endpoint) throws IOException {
        if (!allowed(exchange, "POST")) {
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            json(exchange, PlaygroundApi.error(PlaygroundApi.CONTENT_TOO_LARGE, "error.too-long"));
            return;
        }
        json(exchange, endpoint.apply(new String(body, StandardCharsets.UTF_8)));
    }

    /** Whether the request uses this method; answers 405 otherwise. */
    private static boolean allowed(HttpExchange exchange, String method) throws IOException {
        if (exchange.getRequestMethod().equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", method);
        json(exchange, PlaygroundApi.error(405, "error.bad-request"));
        return false;
    }

    private void file(HttpExchange exchange, String path) throws IOException {
        String name = FILES.get(path);
        if (name == null) {
            json(exchange, PlaygroundApi.error(404, "error.bad-request"));
            return;
        }
        if (allowed(exchange, "GET")) {
            byte[] content = files.computeIfAbsent(name, PlaygroundServer::read);
            answer(exchange, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), content);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = PlaygroundServer.class.getResourceAsStream("/playground/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no playground/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void json(HttpExchange exchange, Response response) throws IOException {
        answer(exchange, response.status(), "application/json", response.json().getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The page follows the charter: the state now, then after each change, until the page goes away. */
    private void openStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        EventStream stream = new EventStream(exchange);
        streams.add(stream);
        if (!stream.send(api.state())) {
            streams.remove(stream);
        }
    }

    private void broadcast() {
        String state = api.state();
        streams.removeIf(stream -> !stream.send(state));
    }

    /** One page's open stream of states; it stays open (no thread held) until the page goes away. */
    private static final class EventStream {

        private final HttpExchange exchange;
        private boolean closed;

        EventStream(HttpExchange exchange) {
            this.exchange = exchange;
        }

        /** Sends one state; false once the page has gone away. */
        synchronized boolean send(String state) {
            if (closed) {
                return false;
            }
            try {
                OutputStream out = exchange.getResponseBody();
                out.write(("event: state\ndata: " + state + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException e) {
                close();
                return false;
            }
        }

        synchronized void close() {
            closed = true;
            exchange.close();
        }
    }
}
