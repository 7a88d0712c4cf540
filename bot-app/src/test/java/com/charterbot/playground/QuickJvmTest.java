package com.charterbot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuickJvmTest {

    @Test
    void fromAJarTheChildCompilesWithC1OnlyKeepsTheOptionsAndTheArgumentsAndKnowsItIsTheChild() {
        List<String> own =
                List.of("/usr/lib/jvm/bin/java", "-Xmx512m", "-jar", "charter-bot.jar", "playground", "--port", "0");

        assertThat(QuickJvm.childCommand(own, null))
                .contains(List.of(
                        "/usr/lib/jvm/bin/java",
                        "-XX:TieredStopAtLevel=1",
                        "-Xmx512m",
                        "-Dcharter.playground.fork=child",
                        "-jar",
                        "charter-bot.jar",
                        "playground",
                        "--port",
                        "0"));
    }

    @Test
    void theAuthorsOwnCompilerOptionComesAfterOursSoItWins() {
        List<String> own = List.of("java", "-XX:TieredStopAtLevel=4", "-jar", "charter-bot.jar", "playground");

        List<String> child = QuickJvm.childCommand(own, null).orElseThrow();

        assertThat(child.indexOf("-XX:TieredStopAtLevel=4")).isGreaterThan(child.indexOf(QuickJvm.COMPILER));
    }

    @Test
    void runsHereWhenAskedWhenAlreadyTheChildWhenNotFromAJarOrWhenDebugging() {
        List<String> jar = List.of("java", "-jar", "charter-bot.jar", "playground");

        assertThat(QuickJvm.childCommand(jar, "false")).isEmpty();
        assertThat(QuickJvm.childCommand(jar, "child")).isEmpty();
        assertThat(QuickJvm.childCommand(List.of(), null)).isEmpty();
        assertThat(QuickJvm.childCommand(
                        List.of("java", "-cp", "a.jar:b.jar", "com.charterbot.Main", "playground"), null))
                .isEmpty();
        assertThat(QuickJvm.childCommand(List.of("java", "-jar"), null)).isEmpty();
        assertThat(QuickJvm.childCommand(
                        List.of(
                                "java",
                                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                                "-jar",
                                "charter-bot.jar",
                                "playground"),
                        null))
                .isEmpty();
    }

    @Test
    void theChildsExitStatusIsReturnedAndAChildThatCannotStartLeavesThePlaygroundHere() {
        assertThat(QuickJvm.run(List.of("/bin/sh", "-c", "exit 3"))).hasValue(3);
        assertThat(QuickJvm.run(List.of("/nonexistent/bin/java", "-version"))).isEmpty();
    }
}
