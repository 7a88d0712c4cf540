package com.charterbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.command.Command;
import com.charterbot.core.command.CommandParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The sources of the Teams app package: what Teams checks on upload. */
class AppPackageTest {

    private static final Path SOURCES = Path.of("src/app-package");

    @Test
    void manifestIsValidJsonWithTheBotIdFilledAtPackageTimeAndAllScopes() throws Exception {
        JsonNode manifest = TeamsRig.read(Files.readString(SOURCES.resolve("manifest.json")));

        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.22");
        assertThat(manifest.path("$schema").asText()).contains("/v1.22/");
        assertThat(manifest.path("id").asText()).isEqualTo("@teams.app.id@");
        JsonNode bot = manifest.path("bots").path(0);
        assertThat(bot.path("botId").asText()).isEqualTo("@teams.app.id@");
        // Spring Boot's parent filters resources with @...@ only: a ${...} would reach Teams as is.
        assertThat(manifest.toString()).doesNotContain("${");
        assertThat(bot.path("scopes").findValuesAsText("")).isEmpty();
        assertThat(bot.path("scopes").toString()).contains("personal", "team", "groupChat");
        assertThat(bot.path("commandLists").path(0).path("commands").size()).isBetween(1, 10);
        for (JsonNode command : bot.path("commandLists").path(0).path("commands")) {
            assertThat(command.path("title").asText().length()).isLessThanOrEqualTo(32);
            assertThat(command.path("description").asText().length()).isLessThanOrEqualTo(128);
        }
        assertThat(manifest.path("icons").path("color").asText()).isEqualTo("color.png");
        assertThat(manifest.path("description").path("short").asText().length()).isLessThanOrEqualTo(80);
        assertThat(manifest.path("name").path("short").asText().length()).isLessThanOrEqualTo(30);
    }

    @Test
    void theFrenchLocalizationTranslatesEveryCommandIntoOneTheBotReadsAsTheSameCommand() throws Exception {
        JsonNode manifest = TeamsRig.read(Files.readString(SOURCES.resolve("manifest.json")));
        JsonNode french = TeamsRig.read(Files.readString(SOURCES.resolve("fr-fr.json")));

        JsonNode languages = manifest.path("localizationInfo");
        assertThat(languages.path("defaultLanguageTag").asText()).isEqualTo("en-us");
        assertThat(languages
                        .path("additionalLanguages")
                        .path(0)
                        .path("languageTag")
                        .asText())
                .isEqualTo("fr-fr");
        assertThat(languages.path("additionalLanguages").path(0).path("file").asText())
                .isEqualTo("fr-fr.json");
        assertThat(french.path("$schema").asText()).endsWith("/v1.22/MicrosoftTeams.Localization.schema.json");
        assertThat(french.path("name.short").asText()).isNotBlank().hasSizeLessThanOrEqualTo(30);
        assertThat(french.path("description.short").asText()).isNotBlank().hasSizeLessThanOrEqualTo(80);
        assertThat(french.path("description.full").asText()).isNotBlank().hasSizeLessThanOrEqualTo(4000);
        JsonNode commands =
                manifest.path("bots").path(0).path("commandLists").path(0).path("commands");
        for (int index = 0; index < commands.size(); index++) {
            String english = commands.get(index).path("title").asText();
            String title = french.path("bots[0].commandLists[0].commands[" + index + "].title")
                    .asText();
            String description = french.path("bots[0].commandLists[0].commands[" + index + "].description")
                    .asText();
            assertThat(title).as("French title of %s", english).isNotBlank().hasSizeLessThanOrEqualTo(32);
            assertThat(description)
                    .as("French description of %s", english)
                    .isNotBlank()
                    .hasSizeLessThanOrEqualTo(128);
            // Teams sends the title in the person's language: both must be the same command.
            assertThat(CommandParser.parse(title).getClass())
                    .as("'%s' and '%s'", title, english)
                    .isEqualTo(CommandParser.parse(english).getClass())
                    .isNotEqualTo(Command.Ask.class);
        }
        assertThat(french.fieldNames())
                .toIterable()
                .allSatisfy(key -> assertThat(key)
                        .matches(
                                "\\$schema|name\\.(short|full)|description\\.(short|full)|bots\\[0]\\.commandLists\\[0]\\.commands\\[\\d+]\\.(title|description)"
                                        + "|composeExtensions\\[0]\\.commands\\[0]\\.(title|description)"));
        assertThat(french.path("composeExtensions[0].commands[0].title").asText())
                .isEqualTo("Vérifier avec la charte");
    }

    @Test
    void theMessageActionChecksAMessageThroughTheBot() throws Exception {
        JsonNode manifest = TeamsRig.read(Files.readString(SOURCES.resolve("manifest.json")));

        JsonNode extension = manifest.path("composeExtensions").path(0);
        assertThat(extension.path("botId").asText()).isEqualTo("@teams.app.id@");
        JsonNode command = extension.path("commands").path(0);
        assertThat(command.path("id").asText()).isEqualTo(DraftActions.COMMAND_ID);
        assertThat(command.path("type").asText()).isEqualTo("action");
        assertThat(command.path("context").toString()).isEqualTo("[\"message\"]");
        assertThat(command.path("fetchTask").asBoolean()).isTrue();
        assertThat(command.path("title").asText())
                .isEqualTo("Check with the charter")
                .hasSizeLessThanOrEqualTo(32);
        assertThat(command.path("description").asText()).hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void colourIconIs192SquareAndOutlineIsWhiteOnTransparent32() throws Exception {
        BufferedImage color = ImageIO.read(new File(SOURCES.resolve("color.png").toString()));
        BufferedImage outline =
                ImageIO.read(new File(SOURCES.resolve("outline.png").toString()));

        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        int transparent = 0;
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha == 0) {
                    transparent++;
                } else {
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d is white", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(transparent).isGreaterThan(32 * 32 / 2);
    }
}
