package com.charterbot.slack;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tells a failed call whose request Slack had received whole (the wait for its answer failed: a
 * read timeout, the call timeout) from one that failed earlier: the failure's exception then carries
 * a suppressed {@link RequestWasSent}. Slack may have carried out such a request, so making it
 * again could post the message twice.
 *
 * <p>Per call (okhttp makes a listener for each), on okhttp's own events: the request is sent whole
 * when its body (or, without one, its head) has been written and the write did not fail, until
 * an answer's head comes back.
 *
 * <p>The other adapter keeps the same class ({@code teams-adapter/.../UnansweredCalls}) on purpose: each platform's
 * okhttp client needs one, the core has no HTTP client to share it from, and a module for one class
 * would cost more than the copy. Change both together.
 */
final class UnansweredCalls extends EventListener {

    /** One listener per call; install with {@code OkHttpClient.Builder.eventListenerFactory}. */
    static final EventListener.Factory FACTORY = call -> new UnansweredCalls();

    /** Of the call's latest attempt (okhttp retries some failures on a new connection). */
    private volatile boolean sentWhole;

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        sentWhole = request.body() == null;
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        sentWhole = true;
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        // That attempt was answered; a failure after it is another attempt's (a retry after a 5xx).
        sentWhole = false;
    }

    @Override
    public void requestFailed(Call call, IOException failure) {
        // Also after requestBodyEnd, when flushing the request fails.
        sentWhole = false;
    }

    @Override
    public void callFailed(Call call, IOException failure) {
        if (sentWhole) {
            failure.addSuppressed(new RequestWasSent());
        }
    }

    /** Whether this failure, or one of its causes, is that of a call whose request had been sent whole. */
    static boolean requestWasSent(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            for (Throwable suppressed : current.getSuppressed()) {
                if (suppressed instanceof RequestWasSent) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The mark; no stack trace, it only says when the failure happened. */
    static final class RequestWasSent extends Exception {
        private static final long serialVersionUID = 1L;

        RequestWasSent() {
            super("the request had been sent whole when reading its answer failed", null, false, false);
        }
    }
}
