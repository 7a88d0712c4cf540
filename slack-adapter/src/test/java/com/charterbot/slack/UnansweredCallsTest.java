package com.charterbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real okhttp calls against a loopback socket that misbehaves in the ways that matter. */
class UnansweredCallsTest {

    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void aRequestReadWholeButNeverAnsweredIsMarkedAsSent() throws Exception {
        ServerSocket server = server(0);
        background(() -> readRequestsAndStaySilent(server));
        OkHttpClient client = client().readTimeout(Duration.ofMillis(300)).build();

        IOException failure = catchThrowableOfType(
                IOException.class,
                () -> client.newCall(post(server, RequestBody.create("channel=C1&text=hi", FORM)))
                        .execute());

        assertThat(failure).isInstanceOf(InterruptedIOException.class);
        assertThat(UnansweredCalls.requestWasSent(failure)).isTrue();
    }

    @Test
    void theCallTimeoutWhileWaitingForTheAnswerIsMarkedToo() throws Exception {
        ServerSocket server = server(0);
        background(() -> readRequestsAndStaySilent(server));
        OkHttpClient client = client().readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofMillis(400))
                .build();

        IOException failure = catchThrowableOfType(
                IOException.class,
                () -> client.newCall(post(server, RequestBody.create("channel=C1&text=hi", FORM)))
                        .execute());

        assertThat(failure).isInstanceOf(InterruptedIOException.class).hasMessage("timeout");
        assertThat(UnansweredCalls.requestWasSent(failure)).isTrue();
    }

    @Test
    void aRequestThatCouldNotBeWrittenWholeIsNotMarked() throws Exception {
        // Accepted but never read: the body fills the socket buffers and the write times out.
        ServerSocket server = server(4_096);
        background(() -> {
            try {
                Socket socket = server.accept();
                open.add(socket);
            } catch (IOException closed) {
                // the test is over
            }
        });
        OkHttpClient client = client().writeTimeout(Duration.ofMillis(300))
                .readTimeout(Duration.ofSeconds(10))
                .build();

        IOException failure = catchThrowableOfType(
                IOException.class,
                () -> client.newCall(post(server, new Zeros(256L << 20))).execute());

        assertThat(failure).isInstanceOf(InterruptedIOException.class);
        assertThat(UnansweredCalls.requestWasSent(failure)).isFalse();
    }

    @Test
    void aRefusedConnectionIsNotMarked() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + port + "/api/chat.postMessage")
                .post(RequestBody.create("text=hi", FORM))
                .build();

        IOException failure = catchThrowableOfType(
                IOException.class, () -> client().build().newCall(request).execute());

        assertThat(UnansweredCalls.requestWasSent(failure)).isFalse();
    }

    @Test
    void aFailureAfterAnAnsweredAttemptIsNotMarked() {
        // A retry after a 5xx (the Bot Framework SDK's) that fails before it is sent: the first attempt was answered.
        Request request = new Request.Builder()
                .url("http://127.0.0.1:9/api/chat.postMessage")
                .post(RequestBody.create("text=hi", FORM))
                .build();
        UnansweredCalls listener = new UnansweredCalls();
        listener.requestBodyEnd(null, 7);
        listener.responseHeadersEnd(
                null,
                new Response.Builder()
                        .request(request)
                        .protocol(Protocol.HTTP_1_1)
                        .code(500)
                        .message("oops")
                        .build());
        IOException failure = new java.net.SocketTimeoutException("connect timed out");

        listener.callFailed(null, failure);

        assertThat(UnansweredCalls.requestWasSent(failure)).isFalse();
    }

    @Test
    void findsTheMarkBehindWrappers() {
        IOException marked = new IOException("timeout");
        marked.addSuppressed(new UnansweredCalls.RequestWasSent());

        assertThat(UnansweredCalls.requestWasSent(new IllegalStateException(new RuntimeException(marked))))
                .isTrue();
        assertThat(UnansweredCalls.requestWasSent(new IOException("timeout"))).isFalse();
        assertThat(UnansweredCalls.requestWasSent(null)).isFalse();
    }

    private static OkHttpClient.Builder client() {
        return new OkHttpClient.Builder().retryOnConnectionFailure(false).eventListenerFactory(UnansweredCalls.FACTORY);
    }

    private ServerSocket server(int receiveBuffer) throws IOException {
        ServerSocket server = new ServerSocket();
        if (receiveBuffer > 0) {
            server.setReceiveBufferSize(receiveBuffer);
        }
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        open.add(server);
        return server;
    }

    private static Request post(ServerSocket server, RequestBody body) {
        return new Request.Builder()
                .url("http://127.0.0.1:" + server.getLocalPort() + "/api/chat.postMessage")
                .post(body)
                .build();
    }

    private static void background(Runnable task) {
        Thread thread = new Thread(task, "misbehaving-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads each request's head and body as they come, and never writes a byte back. */
    private void readRequestsAndStaySilent(ServerSocket server) {
        try {
            Socket socket = server.accept();
            open.add(socket);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8_192];
            while (in.read(buffer) >= 0) {
                // read and drop
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    /** A body of zeros, written in chunks, never held in memory whole. */
    private static final class Zeros extends RequestBody {
        private final long length;

        Zeros(long length) {
            this.length = length;
        }

        @Override
        public MediaType contentType() {
            return FORM;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            byte[] chunk = new byte[65_536];
            for (long written = 0; written < length; written += chunk.length) {
                sink.write(chunk, 0, (int) Math.min(chunk.length, length - written));
            }
        }
    }
}
