package com.charterbot.core.nudge;

import com.charterbot.core.reply.Reply;

/**
 * Posts a message into a channel on its platform: the port the platform adapters implement for
 * scheduled nudges (one implementation may route to per-platform ones by
 * {@code channel.channel().platform()}).
 *
 * <p>Implementations must be thread-safe: {@link NudgeDispatcher} calls them from several
 * scheduler threads at once.
 */
public interface ChannelMessenger {

    /**
     * Posts the reply into the channel and says how it went.
     *
     * <p>Must never throw: every failure is one of the {@link SendOutcome}s. Map HTTP 429 to
     * {@link SendOutcome.RateLimited} with the Retry-After; a timeout waiting for the answer to a
     * request the platform received whole to {@link SendOutcome.Unconfirmed} (counted as sent, not
     * retried, so a slow platform never gets the same nudge twice); other network errors, timeouts
     * and 5xx to {@link SendOutcome.Transient}; and "not in channel", "channel archived", revoked
     * tokens or a missing conversation reference to {@link SendOutcome.Permanent}. Should an
     * implementation throw anyway, the dispatcher records the exception as
     * {@link SendOutcome.Transient} and retries.
     */
    SendOutcome send(ChannelState channel, Reply reply);
}
