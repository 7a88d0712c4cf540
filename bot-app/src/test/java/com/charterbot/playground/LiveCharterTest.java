package com.charterbot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.TestCharters;
import com.charterbot.app.charter.CharterProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playground's charter follows the files with the server's rules, and starts on a broken charter too. */
class LiveCharterTest {

    @TempDir
    Path dir;

    private LiveCharter live() {
        CharterProperties properties = new CharterProperties(
                dir.toString(),
                "Acme",
                "",
                new CharterProperties.Contacts(
                        "c@x.example", "s@x.example", "h@x.example", "i@x.example", "l@x.example"),
                "en");
        LiveCharter charter = new LiveCharter(properties, Duration.ofMillis(50), Clock.systemUTC());
        charter.awaitFirstLoad();
        return charter;
    }

    @Test
    void startsOnABrokenCharterShowingItsProblemsThenAnswersOnceTheFilesLoad() throws Exception {
        TestCharters.copyBundled(dir);
        String alpha = Files.readString(dir.resolve("en/photos-videos.md"));
        Files.writeString(dir.resolve("en/photos-videos.md"), alpha.replaceFirst("(?m)^related:.*$", "related: gamma"));
        LiveCharter charter = live();
        List<LiveCharter.State> heard = new CopyOnWriteArrayList<>();
        charter.onChange(heard::add);

        assertThat(charter.engine()).isEmpty();
        assertThat(charter.state().version()).isEmpty();
        assertThat(charter.state().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("en/photos-videos.md");
            assertThat(problem.line()).isPositive();
            assertThat(problem.arguments()).contains("gamma");
        });

        Files.writeString(dir.resolve("en/photos-videos.md"), alpha);
        charter.check();

        assertThat(charter.engine()).isPresent();
        assertThat(charter.state().version()).isPresent();
        assertThat(charter.state().problems()).isEmpty();
        assertThat(heard).hasSize(1);
    }

    @Test
    void aBrokenSaveNeverReplacesTheLastGoodCharter() throws Exception {
        TestCharters.copyBundled(dir);
        LiveCharter charter = live();
        String version = charter.state().version().orElseThrow();
        long revision = charter.state().revision();

        Files.writeString(dir.resolve("fr/photos-videos.md"), "---\nid: photos-videos\n---\n");
        charter.check();

        assertThat(charter.state().version()).hasValue(version);
        assertThat(charter.state().keptEarlier()).isTrue();
        assertThat(charter.state().revision()).isGreaterThan(revision);
        assertThat(charter.engine().orElseThrow().charter().version()).isEqualTo(version);
        assertThat(charter.state().problems())
                .extracting(problem -> problem.file())
                .contains("fr/photos-videos.md");
    }

    @Test
    void anUnchangedFolderIsNotReadAgain() {
        TestCharters.copyBundled(dir);
        LiveCharter charter = live();
        long revision = charter.state().revision();

        charter.check();
        charter.check();

        assertThat(charter.state().revision()).isEqualTo(revision);
    }
}
