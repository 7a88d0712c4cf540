package com.charterbot.app.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the body of a request to the platform endpoints without holding a thread, and only then
 * hands the request on. The endpoints check signatures and tokens on the whole body, so before
 * this filter a client trickling a body (one byte every few seconds) held a request thread for as
 * long as it liked without any credential: 300 such connections took the bot offline.
 *
 * <p>A body that has already arrived whole (most do: it comes with the headers) is read at once and
 * the request goes on. Otherwise the rest is read with non-blocking I/O (a {@link ReadListener}):
 * waiting costs a connection, not a thread. A body must arrive whole within {@link Limits#timeout()} (408
 * otherwise), be at most {@link Limits#maxBodyBytes()} (413, by its {@code Content-Length} or as it
 * arrives), and at most {@link Limits#maxReads()} bodies are read at once, holding at most
 * {@link Limits#maxBufferedBytes()} together (503 with {@code Retry-After} otherwise). The whole body
 * is then given to the endpoint through an {@link AsyncContext#dispatch() async dispatch}.
 *
 * <p>The endpoints keep their own, often smaller, size limits; this filter bounds what an
 * unauthenticated client can hold. The ingress's request buffering (see SECURITY.md) is the first
 * line of defence; this is the second.
 */
public final class RequestBodyFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestBodyFilter.class);
    private static final String BODY = RequestBodyFilter.class.getName() + ".body";

    /**
     * How bodies are read.
     *
     * @param timeout the longest a body may take to arrive whole
     * @param maxBodyBytes the largest body read
     * @param maxReads how many bodies may be being read at once
     * @param maxBufferedBytes how many bytes the bodies being read may hold together
     */
    public record Limits(Duration timeout, int maxBodyBytes, int maxReads, long maxBufferedBytes) {
        public Limits {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()
                    || timeout.isZero()
                    || maxBodyBytes < 1
                    || maxReads < 1
                    || maxBufferedBytes < maxBodyBytes) {
                throw new IllegalArgumentException("body limits must be positive, and the buffer at least one body: "
                        + timeout + ", " + maxBodyBytes + ", " + maxReads + ", " + maxBufferedBytes);
            }
        }
    }

    private final Limits limits;
    private final Semaphore reads;
    private final AtomicLong buffered = new AtomicLong();

    public RequestBodyFilter(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reads = new Semaphore(limits.maxReads());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse reply)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(BODY) instanceof byte[] body) {
            request.removeAttribute(BODY);
            chain.doFilter(new ReadRequest(http, body), response);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST
                || !"POST".equals(http.getMethod())
                || !request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        long declared = http.getContentLengthLong();
        if (declared > limits.maxBodyBytes()) {
            refuse(reply, 413, "Request body too large");
            return;
        }
        ByteArrayOutputStream arrived = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, 16 * 1024)));
        if (declared >= 0 && arrivedWhole(http.getInputStream(), declared, arrived)) {
            chain.doFilter(new ReadRequest(http, arrived.toByteArray()), response);
            return;
        }
        if (!reads.tryAcquire()) {
            reply.setHeader("Retry-After", "1");
            refuse(reply, 503, "Busy, try again");
            LOG.debug("request body not read: {} bodies are being read already", limits.maxReads());
            return;
        }
        Reading reading = null;
        try {
            AsyncContext async = http.startAsync();
            async.setTimeout(limits.timeout().toMillis());
            reading = new Reading(async, http.getInputStream(), arrived);
            async.addListener(reading);
            http.getInputStream().setReadListener(reading);
        } catch (IOException | RuntimeException e) {
            if (reading == null) {
                reads.release();
            } else if (reading.over.compareAndSet(false, true)) {
                reading.release();
            }
            throw e;
        }
    }

    /** The body as it arrives, then the dispatch; or the refusal when it is too big or too slow. */
    private final class Reading implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream in;
        private final ByteArrayOutputStream body;
        private final byte[] chunk = new byte[8 * 1024];
        private final AtomicBoolean over = new AtomicBoolean();

        /** @param arrived what was read before, without waiting; counted in the bytes held from now on */
        Reading(AsyncContext async, ServletInputStream in, ByteArrayOutputStream arrived) {
            this.async = async;
            this.in = in;
            this.body = arrived;
            buffered.addAndGet(arrived.size());
        }

        @Override
        public void onDataAvailable() throws IOException {
            int read;
            while (!over.get() && in.isReady() && (read = in.read(chunk)) != -1) {
                if (body.size() + read > limits.maxBodyBytes()) {
                    end(413, "Request body too large");
                    return;
                }
                if (buffered.addAndGet(read) > limits.maxBufferedBytes()) {
                    buffered.addAndGet(-read);
                    ((HttpServletResponse) async.getResponse()).setHeader("Retry-After", "1");
                    end(503, "Busy, try again");
                    return;
                }
                body.write(chunk, 0, read);
            }
        }

        @Override
        public void onAllDataRead() {
            if (over.compareAndSet(false, true)) {
                release();
                async.getRequest().setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable failure) {
            // The client went away or the connection broke: nobody is left to answer.
            if (over.compareAndSet(false, true)) {
                release();
                LOG.debug("request body not read: {}", failure.getClass().getSimpleName());
                async.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            if (over.get()) {
                return;
            }
            end(408, "Request body too slow");
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable() == null ? new IOException("async error") : event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
            if (over.compareAndSet(false, true)) {
                release();
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // never started again
        }

        private void end(int status, String text) {
            if (!over.compareAndSet(false, true)) {
                return;
            }
            release();
            try {
                HttpServletResponse reply = (HttpServletResponse) async.getResponse();
                reply.setHeader("Connection", "close");
                refuse(reply, status, text);
            } catch (IOException | RuntimeException e) {
                LOG.debug("could not answer {}: {}", status, e.getClass().getSimpleName());
            } finally {
                async.complete();
            }
        }

        private void release() {
            buffered.addAndGet(-body.size());
            reads.release();
        }
    }

    /**
     * Reads what has already arrived of a body of known length, never waiting for more: whether that
     * is the whole body. It is for most requests, whose body comes in the same packets as their
     * headers; they then go on at once, on this thread, without the asynchronous read and its second
     * dispatch through the filters (about a sixth of the Slack path's CPU in JFR).
     */
    private static boolean arrivedWhole(ServletInputStream in, long length, ByteArrayOutputStream into)
            throws IOException {
        byte[] chunk = new byte[8 * 1024];
        while (into.size() < length && in.available() > 0) {
            int read = in.read(chunk, 0, (int) Math.min(chunk.length, length - into.size()));
            if (read < 0) {
                break;
            }
            into.write(chunk, 0, read);
        }
        return into.size() == length;
    }

    private static void refuse(HttpServletResponse reply, int status, String text) throws IOException {
        reply.setStatus(status);
        reply.setContentType("text/plain;charset=UTF-8");
        reply.getWriter().write(text);
    }

    /** The request with its body already read. */
    private static final class ReadRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
