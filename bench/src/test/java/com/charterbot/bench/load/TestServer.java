package com.charterbot.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server for the load generator's tests; counts requests and the most in flight at once.
 * Needs {@code -Dsun.net.httpserver.nodelay=true} (set by the pom), or each response waits 40 ms for the
 * client's delayed ACK.
 */
final class TestServer implements AutoCloseable {

    /** What the server answers to request number {@code n} (0-based, in arrival order). */
    @FunctionalInterface
    interface Behaviour {
        Reply reply(int n, HttpExchange exchange) throws Exception;
    }

    record Reply(int status, String body) {}

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    TestServer(int threadCount, Behaviour behaviour) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        threads = Executors.newFixedThreadPool(threadCount);
        server.setExecutor(threads);
        server.createContext("/", handler(behaviour));
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int received() {
        return received.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private HttpHandler handler(Behaviour behaviour) {
        return exchange -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                exchange.getRequestBody().readAllBytes();
                Reply reply = behaviour.reply(received.getAndIncrement(), exchange);
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            } finally {
                // Before close, which sends the response: the client's next request cannot overlap this one.
                inFlight.decrementAndGet();
                exchange.close();
            }
        };
    }
}
