package com.charterbot.app.startup;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * One full collection when the server is ready, before it reports ready for traffic: starting
 * (Spring, the charter's index and classifier) leaves 80 to 90 MiB of garbage that the JVM keeps
 * resident until much later, and the collector gives the emptied memory back at once. It costs one
 * pause (56 ms measured on 2 cores) with no request in flight; {@code -XX:+DisableExplicitGC} turns it off.
 * Only the server adds this listener ({@code CharterBotApplication.main}); measured with
 * {@code bench/startup} (docs/measurements.md).
 */
public final class ReleaseStartupGarbage implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseStartupGarbage.class);

    private final Runnable collect;

    public ReleaseStartupGarbage() {
        this(System::gc);
    }

    ReleaseStartupGarbage(Runnable collect) {
        this.collect = Objects.requireNonNull(collect, "collect");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        long started = System.nanoTime();
        collect.run();
        LOG.debug("start-up garbage released in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
