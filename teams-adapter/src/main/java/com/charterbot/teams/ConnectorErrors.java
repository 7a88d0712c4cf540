package com.charterbot.teams;

import com.charterbot.core.nudge.SendOutcome;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.restclient.RestException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Reads what went wrong in a call to the Bot Connector service: the HTTP status, its
 * {@code Retry-After}, and a short description that never holds message content, tokens or
 * conversation ids.
 */
final class ConnectorErrors {

    private ConnectorErrors() {}

    /** The exception behind the SDK's {@link CompletionException} and {@link ExecutionException} wrappers. */
    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The first exception of this type in the cause chain, or null. */
    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable current = error;
                current != null;
                current = current.getCause() == current ? null : current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }

    /** The HTTP status the connector answered, when the failure is an HTTP error. */
    static OptionalInt status(Throwable error) {
        RestException rest = find(error, RestException.class);
        if (rest == null || rest.response() == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(rest.response().code());
    }

    /** The connector's {@code Retry-After}, read as the core reads every platform's. */
    static Duration retryAfter(Throwable error) {
        RestException rest = find(error, RestException.class);
        return SendOutcome.RateLimited.retryAfter(
                rest == null || rest.response() == null
                        ? null
                        : rest.response().headers().get("Retry-After"));
    }

    /** The failure as a metric label: the HTTP status, {@code timeout}, {@code network} or {@code other}. */
    static String label(Throwable error) {
        Throwable cause = unwrap(error);
        OptionalInt status = status(cause);
        if (status.isPresent()) {
            return String.valueOf(status.getAsInt());
        }
        if (find(cause, AuthenticationException.class) != null) {
            return "other";
        }
        if (find(cause, InterruptedIOException.class) != null) {
            return "timeout";
        }
        return find(cause, IOException.class) != null ? "network" : "other";
    }

    /** A short description: the HTTP status, or the kind of failure; never its message, which may hold URLs or ids. */
    static String describe(Throwable error) {
        Throwable cause = unwrap(error);
        OptionalInt status = status(cause);
        if (status.isPresent()) {
            return "HTTP " + status.getAsInt();
        }
        if (find(cause, AuthenticationException.class) != null) {
            return "no token for the connector";
        }
        if (find(cause, InterruptedIOException.class) != null) {
            return "timeout";
        }
        if (find(cause, IOException.class) != null) {
            return "network error: " + find(cause, IOException.class).getClass().getSimpleName();
        }
        return "unexpected error: " + cause.getClass().getSimpleName();
    }
}
