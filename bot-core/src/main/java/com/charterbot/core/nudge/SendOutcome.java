package com.charterbot.core.nudge;

import java.time.Duration;
import java.util.Objects;

/** What a platform answered when the bot posted a nudge; see {@link ChannelMessenger#send}. */
public sealed interface SendOutcome {

    /** The platform accepted the message. */
    record Sent() implements SendOutcome {}

    /**
     * The platform throttled the bot (Slack or Teams HTTP 429); nothing was posted.
     *
     * @param retryAfter how long the platform asked to wait (its Retry-After), zero when it did not say
     */
    record RateLimited(Duration retryAfter) implements SendOutcome {

        /** The wait when the platform's answer says none, or nothing readable. */
        public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

        /**
         * The wait an HTTP {@code Retry-After} header asks for, in delta-seconds (the form Slack and the
         * Bot Connector use); {@link #DEFAULT_RETRY_AFTER} when it is missing or unreadable.
         */
        public static Duration retryAfter(String header) {
            String value = header == null ? "" : header.strip();
            if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return DEFAULT_RETRY_AFTER;
            }
            return Duration.ofSeconds(Long.parseLong(value));
        }

        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
            }
        }
    }

    /**
     * The platform received the whole request but its answer never came (it timed out): the message
     * was most likely posted, perhaps not. Counted as sent and never retried: neither Slack nor the
     * Bot Connector takes an idempotency key, so a retry would post the nudge a second time whenever
     * the first went through, and a tip missed once is better than the same tip twice in a team's
     * channel.
     *
     * @param error a short description for the log; never message content
     */
    record Unconfirmed(String error) implements SendOutcome {
        public Unconfirmed {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A failure that may go away by itself (network error, timeout before the request was sent whole,
     * HTTP 5xx, 412...); worth retrying.
     *
     * @param error a short description for the delivery's record; never message content
     */
    record Transient(String error) implements SendOutcome {
        public Transient {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A failure that retrying will not fix: the bot was removed from the channel, the channel was
     * archived, the credentials were revoked, no adapter exists for the platform. The channel's
     * nudges are paused with this reason until an administrator resumes them.
     */
    record Permanent(String reason) implements SendOutcome {
        public Permanent {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
