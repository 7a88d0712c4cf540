package com.charterbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class BackgroundTest {

    private final Background background =
            new Background("test-background", 1, 10, new Redaction("xoxb-1", "", "secret"));

    @AfterEach
    void close() {
        MDC.clear();
        background.close();
    }

    @Test
    void aTaskLogsWithTheRequestIdOfTheThreadThatHandedItOver() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        MDC.put("requestId", "req-1");

        background.run("test", () -> seen.complete(MDC.get("requestId")));

        assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("req-1");
    }

    @Test
    void theNextTaskDoesNotInheritTheContextOfTheOneBefore() throws Exception {
        MDC.put("requestId", "req-1");
        CompletableFuture<String> first = new CompletableFuture<>();
        background.run("first", () -> first.complete(MDC.get("requestId")));
        first.get(5, TimeUnit.SECONDS);
        MDC.clear();

        CompletableFuture<String> second = new CompletableFuture<>();
        background.execute(() -> second.complete(String.valueOf(MDC.get("requestId"))));

        assertThat(second.get(5, TimeUnit.SECONDS))
                .as("same pool thread, no request id")
                .isEqualTo("null");
    }
}
