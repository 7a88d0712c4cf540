package com.charterbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.phrasing.Candidate;
import com.charterbot.core.values.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhrasingExportTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SECTION = """
            ---
            id: photos-videos
            title: Photos and videos
            ---

            ## Rule
            Ask before you post.

            ## Questions
            - can I post this photo?
            - may I share a picture of the office?

            ## Tips
            - Ask first.
            """;

    @TempDir
    Path charter;

    private static Candidate approved(long id, String text, Language language) {
        return new Candidate(id, text, "photos-videos", language, 3, T0, T0, Candidate.Status.APPROVED);
    }

    @Test
    void appendsEachNewPhrasingToItsSectionsQuestionsOnceAndDescribesItAsAPatch() throws IOException {
        Files.createDirectories(charter.resolve("en"));
        Path file = charter.resolve("en").resolve("photos.md");
        Files.writeString(file, SECTION);

        PhrasingExport.Result result = PhrasingExport.plan(
                charter,
                List.of(
                        approved(1, "selfie at my desk ok?", Language.EN),
                        approved(2, "Can I post this photo?", Language.EN),
                        approved(3, "selfie au bureau ?", Language.FR)));

        assertThat(result.written()).isEqualTo(1);
        assertThat(result.done()).extracting(Candidate::id).containsExactly(1L, 2L);
        assertThat(result.files().get(file))
                .contains("- may I share a picture of the office?\n- selfie at my desk ok?\n\n## Tips");
        assertThat(result.patch())
                .isEqualTo("--- a/en/photos.md\n+++ b/en/photos.md\n@@ -11,0 +12,1 @@\n+- selfie at my desk ok?\n");
        assertThat(result.files().get(file))
                .isEqualTo(SECTION.replace("office?\n", "office?\n- selfie at my desk ok?\n"));
        assertThat(Files.readString(file)).as("planning writes nothing").isEqualTo(SECTION);
    }

    @Test
    void theCommandPrintsThePatchThenWritesTheFilesAndEmptiesTheOverlay() throws IOException {
        Files.createDirectories(charter.resolve("en"));
        Path file = charter.resolve("en").resolve("photos.md");
        Files.writeString(file, SECTION);
        String url =
                "jdbc:h2:file:" + charter.resolve("db").resolve("charter-bot").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        org.springframework.jdbc.datasource.DriverManagerDataSource database =
                new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "sa", "");
        org.flywaydb.core.Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        com.charterbot.app.persistence.JdbcPhrasingCandidates candidates =
                new com.charterbot.app.persistence.JdbcPhrasingCandidates(database);
        candidates.seen("selfie at my desk ok?", "photos-videos", Language.EN, T0);
        candidates.decide(candidates.pending(1).get(0).id(), Candidate.Status.APPROVED, "photos-videos", T0);
        String[] command = {
            "phrasings",
            "export",
            "--charter",
            charter.toString(),
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=sa",
            "--spring.datasource.password="
        };

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        String[] dryRun = java.util.Arrays.copyOf(command, command.length + 1);
        dryRun[command.length] = "--dry-run";
        assertThat(CommandLine.run(dryRun, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true)))
                .isZero();
        assertThat(out.toString()).contains("+- selfie at my desk ok?");
        assertThat(Files.readString(file)).isEqualTo(SECTION);

        assertThat(CommandLine.run(
                        command,
                        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true),
                        new java.io.PrintStream(err, true)))
                .as(err.toString())
                .isZero();

        assertThat(Files.readString(file))
                .contains("- may I share a picture of the office?\n- selfie at my desk ok?\n");
        assertThat(candidates.approved()).isEmpty();
    }

    @Test
    void withoutAFolderTheCommandSaysHowToUseIt() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertThat(CommandLine.run(
                        new String[] {"phrasings", "export"},
                        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true),
                        new java.io.PrintStream(err, true)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("phrasings export --charter");
    }
}
