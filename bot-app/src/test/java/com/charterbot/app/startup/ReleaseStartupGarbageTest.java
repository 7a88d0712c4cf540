package com.charterbot.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.CharterBotApplication;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

class ReleaseStartupGarbageTest {

    @Test
    void collectsOnceWhenTheApplicationIsReady() {
        AtomicInteger collections = new AtomicInteger();
        ReleaseStartupGarbage listener = new ReleaseStartupGarbage(collections::incrementAndGet);
        SpringApplication application = new SpringApplication(CharterBotApplication.class);
        try (ConfigurableApplicationContext context = new GenericApplicationContext()) {
            context.refresh();
            listener.onApplicationEvent(new ApplicationReadyEvent(application, new String[0], context, null));
        }
        assertThat(collections).hasValue(1);
    }

    @Test
    void theListenerIsOnlyTheServers() {
        // Added by CharterBotApplication.main, not by spring.factories: tests and the playground start without it.
        assertThat(new SpringApplication(CharterBotApplication.class).getListeners())
                .noneMatch(ReleaseStartupGarbage.class::isInstance);
    }
}
