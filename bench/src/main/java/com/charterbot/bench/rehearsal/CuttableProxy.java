package com.charterbot.bench.rehearsal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy between the app instances and PostgreSQL that can cut the database off: for
 * the length of a cut every open connection is reset and every new one is reset as soon as it is
 * accepted, as clients see a database server that restarts. Blocking I/O, two threads per
 * connection (a few dozen connections here).
 */
final class CuttableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean cut;
    private volatile boolean closed;

    private CuttableProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on a free loopback port and forwards to {@code targetPort} on loopback. */
    static CuttableProxy start(int targetPort) throws IOException {
        ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        CuttableProxy proxy =
                new CuttableProxy(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        Thread acceptor = new Thread(proxy::acceptLoop, "db-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Resets every connection, refuses new ones for {@code length}, then lets them through again. Blocks meanwhile. */
    void cut(Duration length) throws InterruptedException {
        cut = true;
        for (Socket socket : open) {
            reset(socket);
        }
        try {
            Thread.sleep(length.toMillis());
        } finally {
            cut = false;
        }
    }

    /** Connections accepted and passed through so far. */
    long accepted() {
        return accepted.get();
    }

    /** Connections reset at once because the database was cut off. */
    long refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (cut) {
                refused.incrementAndGet();
                reset(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 2000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
            } catch (IOException e) {
                reset(client);
                reset(upstream);
                continue;
            }
            accepted.incrementAndGet();
            open.add(client);
            open.add(upstream);
            pump(client, upstream, "db-proxy-up");
            pump(upstream, client, "db-proxy-down");
        }
    }

    private void pump(Socket from, Socket to, String name) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // Reset by a cut or closed by either side: close both ends below.
                    } finally {
                        open.remove(from);
                        open.remove(to);
                        reset(from);
                        reset(to);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes with an RST rather than a FIN: the peer sees "connection reset", as when a server process dies. */
    private static void reset(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (SocketException ignored) {
            // already gone
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        for (Socket socket : open) {
            reset(socket);
        }
    }
}
