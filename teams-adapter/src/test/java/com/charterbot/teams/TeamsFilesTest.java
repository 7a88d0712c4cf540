package com.charterbot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.testing.TestConversation;
import com.charterbot.core.values.Language;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An administrator's CSV export in Teams: offered with a file consent card in the personal chat,
 * made again and put in their OneDrive once they accept, then shown as a file card.
 */
class TeamsFilesTest extends FreshRigTest {

    private static final String UPLOAD_PATH = "/onedrive/upload/charter-stats.csv";

    @BeforeEach
    void acceptUploads() {
        rig.connector.stubFor(
                put(urlPathEqualTo(UPLOAD_PATH)).willReturn(aResponse().withStatus(201)));
    }

    /** The file consent card the bot sent with the export's card, after the administrator asked for it. */
    private JsonNode askForTheExport() {
        HttpResponse<String> response = rig.post(teams.personal(Activities.ADMIN_AAD, "stats export", "en-US"));
        assertThat(response.statusCode()).isIn(200, 202);
        JsonNode sent = rig.sent().get(0);
        assertThat(sent.path("attachments")).hasSize(2);
        assertThat(TeamsRig.texts(TeamsRig.card(sent))).contains(Messages.get(Language.EN, "stats.export.text", 12));
        return sent.path("attachments").path(1);
    }

    private ObjectNode consent(String userAad, String action, JsonNode context, String uploadUrl) {
        ObjectNode invoke = teams.personal(userAad, "", "en-US");
        invoke.put("type", "invoke");
        invoke.remove("text");
        invoke.remove("textFormat");
        invoke.put("name", TeamsFiles.CONSENT_INVOKE);
        invoke.put("replyToId", "1741599999000");
        ObjectNode value = invoke.putObject("value");
        value.put("type", "fileUpload");
        value.put("action", action);
        value.set("context", context);
        value.putObject("uploadInfo")
                .put(
                        "contentUrl",
                        "https://contoso-my.sharepoint.com/personal/admin/Documents/Applications/Charter/charter-stats.csv")
                .put("name", "charter-stats.csv")
                .put("uploadUrl", uploadUrl)
                .put("uniqueId", "1150D938-8870-4044-9F2C-5BBDEBA70C9D")
                .put("fileType", "csv");
        return invoke;
    }

    private String uploadUrl() {
        return "http://127.0.0.1:" + rig.connector.port() + UPLOAD_PATH;
    }

    @Test
    void theExportIsOfferedWithAFileConsentCardCarryingTheActionThatMakesItAgain() {
        JsonNode consent = askForTheExport();

        assertThat(consent.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.consent");
        assertThat(consent.path("name").asText())
                .matches("charter-stats-\\d{4}-\\d{2}-\\d{2}-to-\\d{4}-\\d{2}-\\d{2}\\.csv");
        assertThat(consent.path("content").path("sizeInBytes").asLong()).isGreaterThan(60);
        assertThat(consent.path("content").path("description").asText())
                .startsWith("Questions per week, topic and tier");
        JsonNode context = consent.path("content").path("acceptContext");
        assertThat(context.path("actionId").asText()).isEqualTo(ActionIds.STATS_EXPORT);
        assertThat(context.path("value").asText())
                .isEqualTo("en~" + TestConversation.CLOCK.instant().getEpochSecond());
    }

    @Test
    void anAcceptedCardPutsTheSameFileInOneDriveThenShowsItsFileCard() {
        JsonNode offered = askForTheExport();
        int before = rig.sent().size();

        HttpResponse<String> answer = rig.post(
                consent(Activities.ADMIN_AAD, "accept", offered.path("content").path("acceptContext"), uploadUrl()));

        assertThat(answer.statusCode()).isEqualTo(200);
        LoggedRequest upload = rig.connector
                .findAll(putRequestedFor(urlPathEqualTo(UPLOAD_PATH)))
                .get(0);
        byte[] csv = upload.getBody();
        assertThat(csv.length)
                .isEqualTo(offered.path("content").path("sizeInBytes").asInt());
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .contains("week_start,topic,topic_title,answered,suggested,not_covered,total");
        assertThat(upload.getHeader("Content-Range")).isEqualTo("bytes 0-" + (csv.length - 1) + "/" + csv.length);
        List<JsonNode> sent = rig.sent();
        assertThat(sent).hasSize(before + 1);
        JsonNode fileCard = sent.get(sent.size() - 1).path("attachments").path(0);
        assertThat(fileCard.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.info");
        assertThat(fileCard.path("contentUrl").asText()).endsWith("/charter-stats.csv");
        assertThat(fileCard.path("name").asText()).isEqualTo("charter-stats.csv");
        assertThat(fileCard.path("content").path("uniqueId").asText())
                .isEqualTo("1150D938-8870-4044-9F2C-5BBDEBA70C9D");
        assertThat(fileCard.path("content").path("fileType").asText()).isEqualTo("csv");
    }

    @Test
    void someoneWhoIsNotAnAdministratorGetsTheRefusalAndNoFile() {
        JsonNode offered = askForTheExport();

        rig.post(consent(Activities.ALICE_AAD, "accept", offered.path("content").path("acceptContext"), uploadUrl()));

        assertThat(rig.connector.findAll(putRequestedFor(urlPathEqualTo(UPLOAD_PATH))))
                .isEmpty();
        JsonNode last = rig.sent().get(rig.sent().size() - 1);
        assertThat(TeamsRig.texts(TeamsRig.card(last)))
                .containsExactly(Messages.get(Language.EN, com.charterbot.core.admin.Decision.Denied.NOT_ADMIN));
    }

    @Test
    void aDeclinedCardSendsNothing() {
        JsonNode offered = askForTheExport();
        int before = rig.sent().size();

        HttpResponse<String> answer = rig.post(
                consent(Activities.ADMIN_AAD, "decline", offered.path("content").path("declineContext"), uploadUrl()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(rig.connector.findAll(putRequestedFor(urlPathEqualTo(UPLOAD_PATH))))
                .isEmpty();
        assertThat(rig.sent()).hasSize(before);
    }

    @Test
    void anUploadAddressThatIsNotHttpsIsNotFollowed() {
        JsonNode offered = askForTheExport();
        int before = rig.sent().size();

        rig.post(consent(
                Activities.ADMIN_AAD,
                "accept",
                offered.path("content").path("acceptContext"),
                "http://files.example.com" + UPLOAD_PATH));

        assertThat(rig.connector.findAll(putRequestedFor(urlPathEqualTo(UPLOAD_PATH))))
                .isEmpty();
        assertThat(rig.sent()).hasSize(before);
        assertThat(rig.logText()).contains("upload address is not HTTPS");
    }
}
