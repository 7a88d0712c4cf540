package com.charterbot.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {

    @Test
    void everySocketItMakesHasNagleOff() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 10, loopback)) {
            int port = server.getLocalPort();
            List<Socket> sockets = new ArrayList<>();
            try {
                sockets.add(NoDelaySockets.INSTANCE.createSocket());
                sockets.add(NoDelaySockets.INSTANCE.createSocket(loopback.getHostAddress(), port));
                sockets.add(NoDelaySockets.INSTANCE.createSocket(loopback, port));
                sockets.add(NoDelaySockets.INSTANCE.createSocket(loopback.getHostAddress(), port, loopback, 0));
                sockets.add(NoDelaySockets.INSTANCE.createSocket(loopback, port, loopback, 0));
                for (Socket socket : sockets) {
                    assertThat(socket.getTcpNoDelay())
                            .as("TCP_NODELAY of %s", socket)
                            .isTrue();
                }
                // The JDK's default, which OkHttp would otherwise use, keeps Nagle on.
                try (Socket plain = new Socket(loopback, port)) {
                    assertThat(plain.getTcpNoDelay()).isFalse();
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
