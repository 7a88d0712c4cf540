package com.charterbot.app.charter;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.TestCharters;
import com.charterbot.app.TestCharters.Planted;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.answer.Question;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterProblem;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.ReloadResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharterReloaderTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String NEW_TITLE = "title: Pictures and films at work";

    @TempDir
    Path dir;

    private CharterProperties properties;
    private AnswerEngine engine;
    private CharterReloader reloader;
    private String startVersion;

    @BeforeEach
    void loadTheCopiedCharter() {
        TestCharters.copyBundled(dir);
        properties = properties(dir);
        engine = new AnswerEngine(
                ((LoadResult.Loaded) CharterLoader.load(CharterSource.files(properties), properties.settings()))
                        .charter(),
                properties.language());
        reloader = new CharterReloader(engine, properties, Clock.fixed(NOW, ZoneOffset.UTC));
        startVersion = engine.charter().version();
    }

    static CharterProperties properties(Path dir) {
        return new CharterProperties(
                dir == null ? null : dir.toString(),
                "Acme Industries",
                "",
                new CharterProperties.Contacts(
                        "communication@example.com",
                        "security@example.com",
                        "hr@example.com",
                        "servicedesk@example.com",
                        "legal@example.com"),
                "en");
    }

    @Test
    void servesTheEditedCharterAndSaysWhatItServes() {
        TestCharters.replaceLine(dir, "en/photos-videos.md", "title:", NEW_TITLE);

        ReloadResult result = reloader.reload();

        assertThat(result).isInstanceOfSatisfying(ReloadResult.Reloaded.class, reloaded -> {
            assertThat(reloaded.previousVersion()).isEqualTo(startVersion);
            assertThat(reloaded.version()).isEqualTo(engine.charter().version()).isNotEqualTo(startVersion);
            assertThat(reloaded.sections())
                    .isEqualTo(engine.charter().topicIds().size())
                    .isPositive();
            assertThat(reloaded.changed()).isTrue();
        });
        assertThat(engine.answer(Question.of("can I post this photo?"))
                        .citation()
                        .title())
                .isEqualTo("Pictures and films at work");
        assertThat(reloader.last()).hasValueSatisfying(last -> {
            assertThat(last.at()).isEqualTo(NOW);
            assertThat(last.trigger()).isEqualTo(CharterReloader.Trigger.ADMIN_COMMAND);
            assertThat(last.result()).isEqualTo(result);
        });
    }

    @Test
    void unchangedFilesKeepTheVersion() {
        ReloadResult result = reloader.reload(CharterReloader.Trigger.FILE_CHANGE);

        assertThat(result)
                .isEqualTo(new ReloadResult.Reloaded(
                        startVersion, startVersion, engine.charter().topicIds().size()));
    }

    @Test
    void aBrokenCharterIsReportedFileByLineAndTheOneInUseKeepsAnswering(@TempDir Path brokenDir) {
        List<Planted> planted = TestCharters.copyBroken(brokenDir);
        CharterReloader broken = new CharterReloader(engine, properties(brokenDir), Clock.fixed(NOW, ZoneOffset.UTC));

        ReloadResult result = broken.reload();

        assertThat(result).isInstanceOfSatisfying(ReloadResult.Rejected.class, rejected -> {
            assertThat(rejected.keptVersion()).isEqualTo(startVersion);
            assertThat(rejected.problems())
                    .extracting(CharterProblem::toString)
                    .anySatisfy(p -> assertThat(p).startsWith(planted.get(0).location()))
                    .anySatisfy(p -> assertThat(p).startsWith(planted.get(1).location()));
        });
        assertThat(engine.charter().version()).isEqualTo(startVersion);
        assertThat(engine.answer(Question.of("can I post this photo?"))
                        .citation()
                        .sectionId())
                .isEqualTo("photos-videos");
    }

    @Test
    void theBundledCharterHasNothingToReload() {
        CharterReloader bundled = new CharterReloader(engine, properties(null), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(bundled.reload()).isInstanceOf(ReloadResult.Bundled.class);
        assertThat(bundled.last()).isEmpty();
        assertThat(engine.charter().version()).isEqualTo(startVersion);
    }

    @Test
    void theWatcherReloadsOnlyWhenTheFilesChange() {
        CharterWatcher watcher = new CharterWatcher(dir, java.time.Duration.ofHours(1), reloader);
        watcher.start();
        try {
            watcher.check();
            assertThat(reloader.last()).as("nothing changed yet").isEmpty();

            TestCharters.replaceLine(dir, "en/photos-videos.md", "title:", NEW_TITLE);
            watcher.check();
            String edited = engine.charter().version();
            assertThat(edited).isNotEqualTo(startVersion);
            assertThat(reloader.last().orElseThrow().trigger()).isEqualTo(CharterReloader.Trigger.FILE_CHANGE);

            CharterReloader.Outcome reloaded = reloader.last().orElseThrow();
            watcher.check();
            assertThat(reloader.last()).as("no second reload of the same files").containsSame(reloaded);
            assertThat(engine.charter().version()).isEqualTo(edited);
        } finally {
            watcher.stop();
        }
    }

    @Test
    void theWatcherKeepsTheCharterInUseWhenAChangeBreaksItAndReportsOncePerChange() {
        CharterWatcher watcher = new CharterWatcher(dir, java.time.Duration.ofHours(1), reloader);
        watcher.start();
        try {
            String related = line(dir.resolve("en/photos-videos.md"), "related:");
            TestCharters.replaceLine(dir, "en/photos-videos.md", "related:", "related: no-such-section");
            watcher.check();
            ReloadResult first = reloader.last().orElseThrow().result();
            assertThat(first).isInstanceOf(ReloadResult.Rejected.class);
            assertThat(engine.charter().version()).isEqualTo(startVersion);

            CharterReloader.Outcome reported = reloader.last().orElseThrow();
            watcher.check();
            assertThat(reloader.last())
                    .as("the same broken files are not reloaded again")
                    .containsSame(reported);

            TestCharters.replaceLine(dir, "en/photos-videos.md", "related:", related);
            watcher.check();
            assertThat(reloader.last().orElseThrow().result()).isInstanceOf(ReloadResult.Reloaded.class);
        } finally {
            watcher.stop();
        }
    }

    private static String line(Path file, String prefix) {
        try {
            return java.nio.file.Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith(prefix))
                    .findFirst()
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theFingerprintFollowsWhatTheLoaderReads() {
        String before = CharterWatcher.fingerprint(dir);

        assertThat(CharterWatcher.fingerprint(dir)).isEqualTo(before);
        TestCharters.replaceLine(dir, "fr/photos-videos.md", "title:", "title: Photos");
        assertThat(CharterWatcher.fingerprint(dir)).isNotEqualTo(before);
        assertThat(CharterFiles.fromDirectory(dir).files()).isNotEmpty();
    }

    @Test
    void theFingerprintFollowsTheWatchListAndTheExamplePostsToo() throws Exception {
        String before = CharterWatcher.fingerprint(dir);

        java.nio.file.Files.writeString(dir.resolve("watch-list.md"), "## Codenames\n- Blue Heron\n");
        String withWatchList = CharterWatcher.fingerprint(dir);
        java.nio.file.Files.writeString(
                dir.resolve("example-posts.yaml"), "- {draft: \"lovely walk by the lake\", risk: clean}\n");

        assertThat(withWatchList).isNotEqualTo(before);
        assertThat(CharterWatcher.fingerprint(dir)).isNotEqualTo(withWatchList);
    }
}
