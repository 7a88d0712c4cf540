package com.charterbot.core.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off ({@code TCP_NODELAY}), for the OkHttp clients that post
 * replies to Slack and to the Bot Connector (OkHttp leaves Nagle on and has no setting for it).
 *
 * <p>Why: OkHttp writes a request in 8 KiB segments; with Nagle on, the last, partial segment waits
 * until the server acknowledges the previous one, and servers delay that acknowledgement (40 ms on
 * Linux) while they wait for the rest of the request. Every reply larger than 8 KiB, which an answer
 * card with its citations often is, then waited one such delay: 46 ms median per post against 2 ms with
 * this factory, measured against a local WireMock (bench/teams-load showed it as a 55 ms median reply).
 * Over TLS the raw socket made here is the one the TLS socket wraps, so the setting holds there too.
 */
public final class NoDelaySockets extends SocketFactory {

    /** The one instance: the factory keeps no state. */
    public static final NoDelaySockets INSTANCE = new NoDelaySockets();

    private NoDelaySockets() {}

    @Override
    public Socket createSocket() throws SocketException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localAddress, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
