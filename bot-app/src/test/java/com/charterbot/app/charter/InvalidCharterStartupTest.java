package com.charterbot.app.charter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.charterbot.app.CharterBotApplication;
import com.charterbot.app.TestCharters;
import com.charterbot.app.TestCharters.Planted;
import com.charterbot.app.startup.StartupRefusal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

class InvalidCharterStartupTest {

    @Test
    void refusesToStartAndExplainsEveryProblem(@TempDir Path dir) {
        List<Planted> planted = TestCharters.copyBroken(dir);

        Throwable failure = catchThrowable(() -> start("--charter.dir=" + dir));

        assertThat(failure).isNotNull();
        assertThat(failure).hasRootCauseInstanceOf(StartupRefusal.class);
        StartupRefusal refusal = (StartupRefusal) rootCause(failure);
        assertThat(refusal.problem()).contains(dir.toString()).contains(planted.size() + " problems:");
        for (Planted p : planted) {
            assertThat(refusal.problem()).contains(p.location());
        }
        assertThat(refusal.problem()).contains("no-such-section", "no_such_placeholder");
        assertThat(refusal.action()).contains("validate");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void start(String... args) {
        SpringApplication application = new SpringApplication(CharterBotApplication.class);
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--spring.main.banner-mode=off";
        // The expected failure would otherwise print a full failure report into every build log.
        all[args.length + 2] = "--logging.level.org.springframework.boot.diagnostics=OFF";
        all[args.length + 3] = "--logging.level.org.springframework.boot.SpringApplication=OFF";
        try (ConfigurableApplicationContext context = application.run(all)) {
            throw new AssertionError("the application started with a broken charter: " + context.getId());
        }
    }
}
