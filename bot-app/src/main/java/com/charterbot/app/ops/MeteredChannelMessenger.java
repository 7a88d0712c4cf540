package com.charterbot.app.ops;

import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Platform;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ChannelMessenger} that counts what the platform answered: HTTP 429s as rate-limited
 * nudges, refusals for good as nudges that paused their channel, answers that never came to a
 * request the platform received as unconfirmed nudges (also counted as sent, and as timeouts), and every error the platform's
 * API gave, by status. Reasons decided without calling the platform ("no conversation reference",
 * "no adapter for teams") are not API errors and are not counted as such.
 */
final class MeteredChannelMessenger implements ChannelMessenger {

    private static final Pattern HTTP_STATUS = Pattern.compile("^HTTP (\\d{3})\\b");
    /** Slack's Web API error codes: {@code channel_not_found}, {@code not_in_channel}, {@code invalid_auth}... */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z][a-z0-9_]{1,49}");

    private final ChannelMessenger messenger;
    private final BotMetrics metrics;

    MeteredChannelMessenger(ChannelMessenger messenger, BotMetrics metrics) {
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public SendOutcome send(ChannelState channel, Reply reply) {
        Platform platform = channel.channel().platform();
        SendOutcome outcome;
        try {
            outcome = messenger.send(channel, reply);
        } catch (RuntimeException e) {
            metrics.platformError(platform, "other");
            throw e;
        }
        if (outcome instanceof SendOutcome.RateLimited) {
            metrics.nudges(platform, "rate_limited").increment();
            metrics.platformError(platform, "429");
        } else if (outcome instanceof SendOutcome.Permanent permanent) {
            metrics.nudges(platform, "paused").increment();
            apiStatus(permanent.reason()).ifPresent(status -> metrics.platformError(platform, status));
        } else if (outcome instanceof SendOutcome.Unconfirmed) {
            metrics.nudges(platform, "unconfirmed").increment();
            metrics.platformError(platform, "timeout");
        } else if (outcome instanceof SendOutcome.Transient failure) {
            transientStatus(failure.error()).ifPresent(status -> metrics.platformError(platform, status));
        }
        return outcome;
    }

    /** The status label of a platform's answer: its HTTP status or its error code; empty when the platform was not asked. */
    static Optional<String> apiStatus(String description) {
        Matcher http = HTTP_STATUS.matcher(description);
        if (http.find()) {
            return Optional.of(http.group(1));
        }
        return ERROR_CODE.matcher(description).matches() ? Optional.of(description) : Optional.empty();
    }

    /** Like {@link #apiStatus}, plus timeouts and network errors; empty for an interruption (this process stopping). */
    static Optional<String> transientStatus(String error) {
        if (error.startsWith("timeout")) {
            return Optional.of("timeout");
        }
        if (error.startsWith("network error")) {
            return Optional.of("network");
        }
        if (error.equals("interrupted")) {
            return Optional.empty();
        }
        return apiStatus(error).or(() -> Optional.of("other"));
    }
}
