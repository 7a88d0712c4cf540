package com.charterbot.app.slack;

import com.charterbot.slack.SlackBot;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Opens the Socket Mode connection when the application starts (only when the bot has an app
 * token), retrying in the background while Slack cannot be reached, and closes the bot on stop.
 */
final class SocketModeLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SocketModeLifecycle.class);

    private final SlackBot bot;
    private final boolean socketMode;
    private final Duration retryEvery;
    private ScheduledExecutorService retries;
    private volatile boolean running;
    private volatile boolean connected;

    SocketModeLifecycle(SlackBot bot, boolean socketMode, Duration retryEvery) {
        this.bot = bot;
        this.socketMode = socketMode;
        this.retryEvery = retryEvery;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!socketMode) {
            return;
        }
        retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "slack-socket-mode-connect");
            thread.setDaemon(true);
            return thread;
        });
        retries.execute(this::connect);
    }

    private void connect() {
        if (!running || connected) {
            return;
        }
        try {
            bot.startSocketMode();
            connected = true;
            LOG.info("Slack Socket Mode connected");
        } catch (IllegalStateException e) {
            // The bot's messages never hold a token.
            LOG.error("{}; trying again in {} s", e.getMessage(), retryEvery.toSeconds());
            synchronized (this) {
                if (running && retries != null) {
                    retries.schedule(this::connect, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** Whether the connection is open (for tests and health). */
    boolean connected() {
        return connected;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (retries != null) {
            retries.shutdownNow();
            retries = null;
        }
        if (socketMode) {
            bot.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
