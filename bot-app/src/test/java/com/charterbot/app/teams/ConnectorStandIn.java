package com.charterbot.app.teams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A stand-in for the Bot Connector service on the JDK's own HTTP server (bot-app has no WireMock
 * on its test path): it answers every send, update and conversation creation like Teams does and
 * keeps each request.
 */
final class ConnectorStandIn implements AutoCloseable {

    /** Where the service lives under its root, as Teams' regional service URLs do ({@code /amer/}). */
    static final String PATH = "/teams/";

    record Request(String method, String path, String body) {}

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    ConnectorStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, this::handle);
        server.start();
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(exchange.getRequestMethod(), path, body));
        String answer =
                path.endsWith("/v3/conversations") ? "{\"id\":\"a:1private-chat\"}" : "{\"id\":\"1741600000000\"}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
