package com.charterbot.slack;

import static com.charterbot.slack.SlackRig.ADMIN;
import static com.charterbot.slack.SlackRig.CHANNEL;
import static com.charterbot.slack.SlackRig.eventCallback;
import static com.charterbot.slack.SlackRig.eventId;
import static com.charterbot.slack.SlackRig.slashCommand;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.testing.TestConversation;
import com.charterbot.core.values.Language;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pictures and files of replies (the statistics' chart and CSV export) reach the person privately,
 * through Slack's external upload, beside the message that holds the same figures as text.
 */
class SlackFilesTest extends SharedRigTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 42};
    static final byte[] CSV =
            "week_start,topic\n2025-07-28,photos-videos\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @BeforeEach
    void reset() {
        rig.apiErrors.clear();
        stubUploads();
        rig.converse.answerMessagesWith(message -> List.of(
                Reply.of(Language.EN, Reply.Delivery.PRIVATE, List.of(new Block.Text("Questions asked: 3."))),
                Reply.of(
                        Language.EN,
                        Reply.Delivery.PRIVATE,
                        List.of(
                                new Block.Heading("The last 12 weeks"),
                                new Block.Picture("Charts of the last 12 weeks", "charter-stats-2025-07-28.png", PNG),
                                new Block.Checklist("Week by week", List.of("Week of 28 July: 3 questions"))))));
    }

    private void stubUploads() {
        String uploadUrl = "http://127.0.0.1:" + rig.slack.port() + "/upload/v1/F0CHART";
        rig.slack.stubFor(post(urlEqualTo("/api/files.getUploadURLExternal"))
                .willReturn(okJson("{\"ok\":true,\"upload_url\":\"" + uploadUrl + "\",\"file_id\":\"F0CHART\"}")));
        rig.slack.stubFor(post(urlPathEqualTo("/upload/v1/F0CHART"))
                .willReturn(aResponse().withStatus(200).withBody("OK - 9")));
        rig.slack.stubFor(post(urlEqualTo("/api/files.completeUploadExternal"))
                .willReturn(okJson("{\"ok\":true,\"files\":[{\"id\":\"F0CHART\"}]}")));
    }

    @Test
    void aSlashCommandsChartIsUploadedToThePersonsDirectMessagesWithItsAltText() {
        JsonObject ack = SlackRig.json(rig.postForm(slashCommand(ADMIN, CHANNEL, "stats", rig.responseUrl()))
                .body());

        assertThat(ack.get("text").getAsString()).isEqualTo("Questions asked: 3.");
        Map<String, String> asked =
                SlackRig.formOf(rig.awaitApi("files.getUploadURLExternal", 1).get(0));
        assertThat(asked)
                .containsEntry("filename", "charter-stats-2025-07-28.png")
                .containsEntry("length", String.valueOf(PNG.length))
                .containsEntry("alt_txt", "Charts of the last 12 weeks");
        LoggedRequest upload = rig.await(postRequestedFor(urlPathEqualTo("/upload/v1/F0CHART")), 1)
                .get(0);
        assertThat(upload.getBody()).isEqualTo(PNG);
        assertThat(upload.getHeader("Authorization"))
                .as("the upload address needs no token")
                .isNull();
        Map<String, String> shared =
                SlackRig.formOf(rig.awaitApi("files.completeUploadExternal", 1).get(0));
        assertThat(shared).containsEntry("channels", ADMIN).doesNotContainKey("channel_id");
        JsonArray files = JsonParser.parseString(shared.get("files")).getAsJsonArray();
        assertThat(files.get(0).getAsJsonObject().get("id").getAsString()).isEqualTo("F0CHART");
        assertThat(files.get(0).getAsJsonObject().get("title").getAsString()).isEqualTo("Charts of the last 12 weeks");
        // The chart's reply still goes out as a message with the same figures as text; the picture is not in it.
        JsonObject followUp = SlackRig.json(rig.awaitHooks(1).get(0).getBodyAsString());
        assertThat(SlackRig.types(followUp.getAsJsonArray("blocks"))).containsExactly("header", "section");
        assertThat(followUp.toString()).doesNotContain("charter-stats-2025-07-28.png");
    }

    @Test
    void aFileAskedForInTheDirectMessagesIsSharedThere() {
        rig.converse.answerMessagesWith(message -> List.of(Reply.of(
                Language.EN,
                Reply.Delivery.CONVERSATION,
                List.of(
                        new Block.Text("Here is the CSV file."),
                        new Block.File(
                                "Questions per week (CSV)",
                                "charter-stats.csv",
                                "text/csv",
                                CSV,
                                Optional.of(Button.of(ActionIds.STATS_EXPORT, "1753887600", "Download")))))));

        rig.postJson(eventCallback(eventId(), EventsTest.directMessage(ADMIN, "stats export", null)));

        Map<String, String> asked =
                SlackRig.formOf(rig.awaitApi("files.getUploadURLExternal", 1).get(0));
        assertThat(asked).containsEntry("filename", "charter-stats.csv").doesNotContainKey("alt_txt");
        assertThat(rig.await(postRequestedFor(urlPathEqualTo("/upload/v1/F0CHART")), 1)
                        .get(0)
                        .getBody())
                .isEqualTo(CSV);
        assertThat(SlackRig.formOf(
                        rig.awaitApi("files.completeUploadExternal", 1).get(0)))
                .containsEntry("channel_id", "D0DM")
                .doesNotContainKey("channels");
        assertThat(SlackRig.formOf(rig.awaitApi("chat.postMessage", 1).get(0)).get("text"))
                .contains("Here is the CSV file.");
    }

    @Test
    void anUploadAddressOffSlacksFileHostsIsNotFollowed() {
        rig.slack.stubFor(
                post(urlEqualTo("/api/files.getUploadURLExternal"))
                        .willReturn(
                                okJson(
                                        "{\"ok\":true,\"upload_url\":\"https://169.254.169.254/latest/meta-data\",\"file_id\":\"F0EVIL\"}")));

        rig.postForm(slashCommand(ADMIN, CHANNEL, "stats", rig.responseUrl()));
        rig.awaitApi("files.getUploadURLExternal", 1);
        rig.awaitIdle();

        assertThat(rig.requests("files.completeUploadExternal")).isEmpty();
        assertThat(rig.apiErrors).contains("SLACK other");
    }

    @Test
    void aRefusedUploadIsCountedAndTheTextIsPostedAllTheSame() {
        rig.slack.stubFor(post(urlEqualTo("/api/files.getUploadURLExternal"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"missing_scope\"}")));

        JsonObject ack = SlackRig.json(rig.postForm(slashCommand(ADMIN, CHANNEL, "stats", rig.responseUrl()))
                .body());
        rig.awaitApi("files.getUploadURLExternal", 1);
        rig.awaitHooks(1);
        rig.awaitIdle();

        assertThat(ack.get("text").getAsString()).isEqualTo("Questions asked: 3.");
        assertThat(rig.requests("files.completeUploadExternal")).isEmpty();
        assertThat(rig.apiErrors).contains("SLACK missing_scope");
    }

    @Test
    void repliesWithoutPicturesOrFilesUploadNothing() {
        rig.converse.use(TestConversation.create());

        rig.postForm(slashCommand(ADMIN, CHANNEL, "help", rig.responseUrl()));
        rig.awaitIdle();

        assertThat(rig.requests("files.getUploadURLExternal")).isEmpty();
    }
}
