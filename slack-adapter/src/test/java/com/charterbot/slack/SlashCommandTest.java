package com.charterbot.slack;

import static com.charterbot.slack.SlackRig.ADMIN;
import static com.charterbot.slack.SlackRig.CHANNEL;
import static com.charterbot.slack.SlackRig.MEMBER;
import static com.charterbot.slack.SlackRig.TEAM;
import static com.charterbot.slack.SlackRig.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /charter ...} through the servlet and Bolt, answered by the bundled charter's conversation. */
class SlashCommandTest extends SharedRigTest {

    @Test
    void answersAQuestionInTheAcknowledgementEphemerally() {
        HttpResponse<String> response = rig.postForm(
                slashCommand(MEMBER, CHANNEL, "Can I post a photo of the office on Instagram?", rig.responseUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonObject ack = SlackRig.json(response.body());
        assertThat(ack.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(ack.get("text").getAsString()).startsWith("Photos and videos at work");
        JsonArray blocks = ack.getAsJsonArray("blocks");
        assertThat(SlackRig.types(blocks).get(0)).isEqualTo("header");
        assertThat(blocks.get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("text")
                        .get("text")
                        .getAsString())
                .isEqualTo("Photos and videos at work");
        assertThat(SlackRig.texts(blocks)).contains("Source: Photos and videos at work");
        assertThat(SlackRig.buttons(blocks))
                .contains(ActionIds.FEEDBACK_HELPFUL + "=en~ANSWER|photos-videos")
                .anyMatch(button -> button.startsWith(ActionIds.OPEN_SECTION + "=en~"))
                .anyMatch(button -> button.startsWith(ActionIds.OPEN_SECTION + "#2=en~"));

        Message message = rig.converse.messages.get(0);
        assertThat(message.origin()).isEqualTo(Message.Origin.COMMAND);
        assertThat(message.user().tenant()).isEqualTo(TEAM);
        assertThat(message.user().userId()).isEqualTo(MEMBER);
        assertThat(message.conversation().channelId()).isEqualTo(CHANNEL);
        assertThat(message.platformLanguage()).isEmpty();
        assertThat(message.platformAdmin()).isFalse();
        // A question is not an administrator's command: nobody asked Slack who the person is.
        assertThat(rig.requests("users.info")).isEmpty();
        assertThat(rig.hooks()).isEmpty();
    }

    @Test
    void writesTheAcknowledgementAsUtf8BytesWithTheirLength() {
        HttpResponse<String> response = rig.postForm(slashCommand(
                MEMBER, CHANNEL, "Puis-je publier une photo du bureau sur Instagram ?", rig.responseUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type.toLowerCase(java.util.Locale.ROOT))
                        .startsWith("application/json")
                        .contains("charset=utf-8"));
        assertThat(response.body()).contains("é");
        assertThat(response.headers().firstValueAsLong("Content-Length"))
                .hasValue(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void helpListsTheCommandsWithAQuizButton() {
        JsonObject ack = SlackRig.json(rig.postForm(slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl()))
                .body());

        assertThat(ack.get("response_type").getAsString()).isEqualTo("ephemeral");
        JsonArray blocks = ack.getAsJsonArray("blocks");
        assertThat(SlackRig.types(blocks)).containsExactly("header", "section", "section", "actions");
        assertThat(SlackRig.texts(blocks).get(0)).isEqualTo("What I can do");
        assertThat(SlackRig.texts(blocks))
                .anyMatch(text -> text.startsWith("*Commands*\n\u2022 check &lt;your post&gt;: ")
                        && text.contains("\n\u2022 quiz: "));
        assertThat(SlackRig.buttons(blocks)).containsExactly(ActionIds.QUIZ_START + "=en~");
    }

    @Test
    void aFrenchQuestionIsAnsweredInFrench() {
        JsonObject ack = SlackRig.json(rig.postForm(slashCommand(
                        MEMBER, CHANNEL, "Puis-je publier une photo du bureau sur Instagram ?", rig.responseUrl()))
                .body());

        JsonArray blocks = ack.getAsJsonArray("blocks");
        assertThat(SlackRig.texts(blocks).get(0)).isEqualTo("Photos et vidéos au travail");
        assertThat(SlackRig.texts(blocks)).contains("Source\u00a0: Photos et vidéos au travail");
        assertThat(SlackRig.buttons(blocks)).contains(ActionIds.FEEDBACK_HELPFUL + "=fr~ANSWER|photos-videos");
    }

    @Test
    void aWorkspaceOwnerMayReloadTheCharterInEitherLanguage() {
        rig.slack.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.post(
                                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/users.info"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("user=U0OWNER"))
                        .willReturn(
                                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                                        "{\"ok\":true,\"user\":{\"id\":\"U0OWNER\",\"team_id\":\"T0RIG\",\"is_admin\":false,\"is_owner\":true}}")));

        rig.postForm(slashCommand("U0OWNER", CHANNEL, "reload", rig.responseUrl()));
        rig.postForm(slashCommand("U0OWNER", CHANNEL, "recharger", rig.responseUrl()));

        assertThat(rig.converse.messages).extracting(Message::platformAdmin).containsExactly(true, true);
        assertThat(rig.requests("users.info"))
                .singleElement()
                .satisfies(request -> assertThat(SlackRig.formOf(request)).containsEntry("user", "U0OWNER"));
    }

    @Test
    void aWorkspaceAdminMayUseTheAdministratorsCommands() {
        JsonObject ack = SlackRig.json(rig.postForm(slashCommand(ADMIN, CHANNEL, "nudges", rig.responseUrl()))
                .body());

        assertThat(rig.converse.messages.get(0).platformAdmin()).isTrue();
        assertThat(SlackRig.formOf(rig.requests("users.info").get(0))).containsEntry("user", ADMIN);
        JsonArray blocks = ack.getAsJsonArray("blocks");
        assertThat(SlackRig.texts(blocks)).anyMatch(text -> text.startsWith("*Nudges in this channel*"));
    }

    @Test
    void anAdminOfOneWorkspaceIsNotAnAdminOfAnotherThatARequestNames() {
        String elsewhere = slashCommand(ADMIN, CHANNEL, "nudges now", rig.responseUrl())
                .replace("team_id=" + SlackRig.TEAM, "team_id=T0OTHER");

        JsonObject ack = SlackRig.json(rig.postForm(elsewhere).body());

        assertThat(rig.converse.messages.get(0).platformAdmin()).isFalse();
        assertThat(SlackRig.texts(ack.getAsJsonArray("blocks")))
                .singleElement()
                .asString()
                .startsWith("Only charter administrators can change nudges");
    }

    @Test
    void anEnterpriseGridAdminIsAnAdminOfEveryWorkspaceTheirAccountBelongsTo() {
        rig.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/users.info"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("user=W0GRID"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"ok\":true,\"user\":{\"id\":\"W0GRID\","
                                + "\"team_id\":\"T0HOME\",\"is_admin\":true,\"enterprise_user\":{\"id\":\"W0GRID\",\"enterprise_id\":\"E0ORG\","
                                + "\"is_admin\":true,\"teams\":[\"T0HOME\",\"T0RIG\"]}}}")));

        rig.postForm(slashCommand("W0GRID", CHANNEL, "stats", rig.responseUrl()));
        rig.postForm(slashCommand("W0GRID", CHANNEL, "stats", rig.responseUrl())
                .replace("team_id=" + SlackRig.TEAM, "team_id=T0ELSE"));

        assertThat(rig.converse.messages).extracting(Message::platformAdmin).containsExactly(true, false);
    }

    @Test
    void aMemberIsToldOnlyAdministratorsMay() {
        JsonObject ack = SlackRig.json(rig.postForm(slashCommand(MEMBER, CHANNEL, "stats", rig.responseUrl()))
                .body());

        assertThat(rig.converse.messages.get(0).platformAdmin()).isFalse();
        assertThat(SlackRig.formOf(rig.requests("users.info").get(0))).containsEntry("user", MEMBER);
        assertThat(SlackRig.texts(ack.getAsJsonArray("blocks")))
                .singleElement()
                .asString()
                .startsWith("Only charter administrators can change nudges");
    }

    @Test
    void whetherSomeoneIsAnAdminIsRememberedBetweenCommands() {
        rig.postForm(slashCommand(ADMIN, "C0OTHER", "stats", rig.responseUrl()));
        rig.postForm(slashCommand(ADMIN, "C0OTHER", "nudges", rig.responseUrl()));

        assertThat(rig.converse.messages).extracting(Message::platformAdmin).containsExactly(true, true);
        assertThat(rig.requests("users.info")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aFailingUsersInfoCountsAsNotAnAdmin() {
        rig.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/users.info"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(500)));

        HttpResponse<String> response = rig.postForm(slashCommand("U0UNKNOWN", CHANNEL, "stats", rig.responseUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rig.converse.messages.get(0).platformAdmin()).isFalse();
    }

    @Test
    void aConversationReplyIsInChannelAndFurtherRepliesGoToTheResponseUrl() {
        rig.converse.answerMessagesWith(message -> List.of(
                Reply.of(Language.EN, Reply.Delivery.CONVERSATION, List.of(new Block.Text("for everyone"))),
                Reply.of(Language.EN, Reply.Delivery.PRIVATE, List.of(new Block.Text("just for you")))));
        String responseUrl = rig.responseUrl();

        JsonObject ack = SlackRig.json(
                rig.postForm(slashCommand(MEMBER, CHANNEL, "tip", responseUrl)).body());

        assertThat(ack.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(ack.get("text").getAsString()).isEqualTo("for everyone");
        var followUp = rig.awaitHooks(1).get(0);
        assertThat(followUp.getUrl()).isEqualTo(java.net.URI.create(responseUrl).getPath());
        JsonObject body = SlackRig.jsonOf(followUp);
        assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(SlackRig.texts(body.getAsJsonArray("blocks"))).containsExactly("just for you");
    }

    @Test
    void noReplyMeansAnEmptyAcknowledgement() {
        rig.converse.answerMessagesWith(message -> List.of());

        HttpResponse<String> response = rig.postForm(slashCommand(MEMBER, CHANNEL, "anything", rig.responseUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aCoreFailureIsAShortErrorWithoutStackTrace() {
        rig.converse.answerMessagesWith(message -> {
            throw new IllegalStateException("boom " + SlackRig.BOT_TOKEN);
        });

        HttpResponse<String> response = rig.postForm(slashCommand(MEMBER, CHANNEL, "anything", rig.responseUrl()));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"internal error\"}");
        assertThat(rig.logLines()).anyMatch(line -> line.contains("boom [secret]"));
    }
}
