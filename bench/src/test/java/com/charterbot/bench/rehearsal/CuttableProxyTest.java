package com.charterbot.bench.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CuttableProxyTest {

    @Test
    void passesBytesBothWaysThenResetsEveryConnectionForTheLengthOfACut() throws Exception {
        try (ServerSocket echo = echoServer();
                CuttableProxy proxy = CuttableProxy.start(echo.getLocalPort())) {
            try (Socket before = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                assertThat(roundTrip(before, 42)).isEqualTo(42);

                Thread cut = new Thread(() -> {
                    try {
                        proxy.cut(Duration.ofMillis(800));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                cut.start();
                Thread.sleep(200);

                assertThatThrownBy(() -> roundTrip(before, 43)).isInstanceOf(IOException.class);
                try (Socket during = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                    assertThatThrownBy(() -> roundTrip(during, 44)).isInstanceOf(IOException.class);
                }
                cut.join();
            }
            try (Socket after = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                assertThat(roundTrip(after, 45)).isEqualTo(45);
            }
            assertThat(proxy.refused()).isGreaterThanOrEqualTo(1);
        }
    }

    private static int roundTrip(Socket socket, int value) throws IOException {
        socket.setSoTimeout(2000);
        OutputStream out = socket.getOutputStream();
        out.write(value);
        out.flush();
        int read = socket.getInputStream().read();
        if (read < 0) {
            throw new IOException("closed");
        }
        return read;
    }

    private static ServerSocket echoServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread echo = new Thread(() -> {
                        try (socket;
                                InputStream in = socket.getInputStream();
                                OutputStream out = socket.getOutputStream()) {
                            int b;
                            while ((b = in.read()) >= 0) {
                                out.write(b);
                                out.flush();
                            }
                        } catch (IOException ignored) {
                            // closed
                        }
                    });
                    echo.setDaemon(true);
                    echo.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }
}
