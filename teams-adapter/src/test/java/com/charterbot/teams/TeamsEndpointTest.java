package com.charterbot.teams;

import static com.charterbot.teams.TeamsRig.actions;
import static com.charterbot.teams.TeamsRig.card;
import static com.charterbot.teams.TeamsRig.texts;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.nudge.NudgeForm;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Teams-shaped activities through the real endpoint, Bot Framework adapter and bot, with the
 * bundled conversation; the connector is a WireMock stub whose captured requests are the cards
 * Teams would have shown. Authentication is off here (see {@link TeamsAuthenticationTest}).
 */
class TeamsEndpointTest extends FreshRigTest {

    private static final String PHOTO_QUESTION = "can I post this photo?";

    @AfterEach
    void logsNothingPersonal() {
        String logs = rig.logText();
        // Never a conversation reference, a person's name or a message in the logs.
        assertThat(logs)
                .doesNotContain("Alice Martin")
                .doesNotContain(Activities.GENERAL)
                .doesNotContain(Activities.PERSONAL)
                .doesNotContain(PHOTO_QUESTION)
                .doesNotContain("serviceUrl");
    }

    @Nested
    class Chat {

        @Test
        void answersAQuestionInPersonalChatWithAnAnswerCard() {
            HttpResponse<String> response = rig.post(teams.personal(Activities.ALICE_AAD, PHOTO_QUESTION, "en-US"));

            assertThat(response.statusCode()).isEqualTo(200);
            List<LoggedRequest> replies = rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES);
            assertThat(replies).hasSize(1);
            assertThat(replies.get(0).getUrl()).contains("/v3/conversations/" + Activities.PERSONAL + "/activities/");
            JsonNode card = card(TeamsRig.read(replies.get(0).getBodyAsString()));
            assertThat(card.path("version").asText()).isEqualTo("1.5");
            assertThat(texts(card))
                    .anySatisfy(text -> assertThat(text).startsWith(Messages.get(Language.EN, "label.source")));
            assertThat(actions(card))
                    .extracting(action -> action.path("data").path("actionId").asText())
                    .contains(ActionIds.FEEDBACK_HELPFUL, ActionIds.FEEDBACK_NOT_HELPFUL);
            assertThat(actions(card)).allSatisfy(action -> {
                assertThat(action.path("type").asText()).isEqualTo("Action.Execute");
                assertThat(action.path("verb").asText())
                        .isEqualTo(action.path("data").path("actionId").asText());
                assertThat(action.path("fallback").path("type").asText()).isEqualTo("Action.Submit");
                assertThat(action.path("fallback").path("data")).isEqualTo(action.path("data"));
            });
        }

        @Test
        void answersAMentionInAChannelInTheThreadWithoutTheMention() {
            ObjectNode mention = teams.channelMention(Activities.ALICE_AAD, PHOTO_QUESTION, "en-US");

            assertThat(rig.post(mention).statusCode()).isEqualTo(200);

            List<LoggedRequest> replies = rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES);
            assertThat(replies).hasSize(1);
            String thread =
                    Activities.GENERAL + ";messageid=" + mention.get("id").asText();
            assertThat(replies.get(0).getUrl())
                    .contains("/v3/conversations/" + thread + "/activities/"
                            + mention.get("id").asText());
            JsonNode reply = TeamsRig.read(replies.get(0).getBodyAsString());
            assertThat(reply.path("replyToId").asText())
                    .isEqualTo(mention.get("id").asText());
            // The same answer as in a personal chat: the mention did not reach the question.
            assertThat(actions(card(reply)))
                    .extracting(action -> action.path("data").path("actionId").asText())
                    .contains(ActionIds.FEEDBACK_HELPFUL);
        }

        @Test
        void keepsTheChannelsReferenceWithoutThePersonWhoWrote() {
            rig.post(teams.channelMention(Activities.ALICE_AAD, "tip", "en-US"));

            StoredReference stored = rig.references
                    .find(new ChannelRef(Platform.TEAMS, Activities.TENANT, Activities.GENERAL))
                    .orElseThrow();
            assertThat(stored.scope()).isEqualTo(StoredReference.Scope.CHANNEL);
            assertThat(stored.serviceUrl()).isEqualTo(rig.serviceUrl());
            JsonNode json = TeamsRig.read(stored.json());
            assertThat(json.path("conversation").path("id").asText()).isEqualTo(Activities.GENERAL);
            assertThat(json.path("bot").path("id").asText()).isEqualTo(Activities.BOT_ID);
            assertThat(stored.json())
                    .doesNotContain("Alice")
                    .doesNotContain(Activities.ALICE_AAD)
                    .doesNotContain("messageid");
            assertThat(stored.toString()).doesNotContain(Activities.GENERAL);
        }

        @Test
        void answersAMentionInAGroupChatAndKeepsItsReference() {
            assertThat(rig.post(teams.groupMention(Activities.ALICE_AAD, "help", "en-US"))
                            .statusCode())
                    .isEqualTo(200);

            List<JsonNode> sent = rig.sent();
            assertThat(sent).hasSize(1);
            assertThat(texts(card(sent.get(0)))).contains(Messages.get(Language.EN, "commands.help.title"));
            assertThat(rig.references.find(new ChannelRef(Platform.TEAMS, Activities.TENANT, Activities.GROUP_CHAT)))
                    .hasValueSatisfying(
                            stored -> assertThat(stored.scope()).isEqualTo(StoredReference.Scope.GROUP_CHAT));
        }

        @Test
        void doesNotKeepPersonalChats() {
            rig.post(teams.personal(Activities.ALICE_AAD, "help", "en-US"));

            assertThat(rig.references.size()).isZero();
        }

        @Test
        void repliesInTheLanguageOfTheTeamsClientWhenTheTextSaysNone() {
            rig.post(teams.personal(Activities.ALICE_AAD, "?", "fr-FR"));

            assertThat(texts(card(rig.sent().get(0)))).contains(Messages.get(Language.FR, "commands.help.title"));
        }

        @Test
        void repliesInTheLanguageOfTheQuestionRatherThanTheClients() {
            rig.post(teams.personal(Activities.ALICE_AAD, "help", "fr-FR"));

            assertThat(texts(card(rig.sent().get(0)))).contains(Messages.get(Language.EN, "commands.help.title"));
        }

        @Test
        void recordsHelpfulFeedbackAndThanks() {
            rig.post(teams.personal(Activities.ALICE_AAD, PHOTO_QUESTION, "en-US"));
            JsonNode helpful = actions(card(rig.sent().get(0))).stream()
                    .filter(action ->
                            action.path("data").path("actionId").asText().equals(ActionIds.FEEDBACK_HELPFUL))
                    .findFirst()
                    .orElseThrow();
            rig.connector.resetRequests();

            ObjectNode click =
                    teams.submit(teams.personal(Activities.ALICE_AAD, "", "en-US"), "1741599999000", (ObjectNode)
                            helpful.get("data"));
            assertThat(rig.post(click).statusCode()).isEqualTo(200);

            assertThat(texts(card(rig.sent().get(0))))
                    .containsExactly(Messages.get(Language.EN, "commands.feedback.thanks"));
        }

        @Test
        void handlesAnActivityTeamsDeliversTwiceOnce() {
            ObjectNode message = teams.personal(Activities.ALICE_AAD, "help", "en-US");

            rig.post(message);
            rig.post(message);

            assertThat(rig.sent()).hasSize(1);
        }

        @Test
        void sendsAdministratorRepliesAskedInAChannelToThePersonalChat() {
            assertThat(rig.post(teams.channelMention(Activities.ADMIN_AAD, "stats", "en-US"))
                            .statusCode())
                    .isEqualTo(200);

            List<LoggedRequest> created =
                    rig.requests(RequestMethod.POST, TeamsRig.CONNECTOR_PATH + "v3/conversations");
            assertThat(created).hasSize(1);
            JsonNode parameters = TeamsRig.read(created.get(0).getBodyAsString());
            assertThat(parameters.path("isGroup").asBoolean(true)).isFalse();
            assertThat(parameters.path("members").path(0).path("id").asText())
                    .startsWith("29:1" + Activities.ADMIN_AAD.substring(0, 8));
            assertThat(parameters.path("tenantId").asText()).isEqualTo(Activities.TENANT);
            List<LoggedRequest> sent = rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES);
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).getUrl())
                    .contains("/v3/conversations/a:1private-chat-created/activities")
                    .doesNotContain(Activities.GENERAL);
        }
    }

    @Nested
    class Quizzes {

        @Test
        void updatesTheQuestionCardInPlaceAndIgnoresASecondAnswer() {
            rig.post(teams.personal(Activities.ALICE_AAD, "quiz", "en-US"));
            JsonNode question = card(rig.sent().get(0));
            List<JsonNode> options = actions(question);
            assertThat(options)
                    .isNotEmpty()
                    .allSatisfy(option -> assertThat(
                                    option.path("data").path("actionId").asText())
                            .isEqualTo(ActionIds.QUIZ_ANSWER));
            rig.connector.resetRequests();

            ObjectNode answer =
                    teams.submit(teams.personal(Activities.ALICE_AAD, "", "en-US"), "card-question-1", (ObjectNode)
                            options.get(0).get("data"));
            assertThat(rig.post(answer).statusCode()).isEqualTo(200);

            List<LoggedRequest> updates = rig.requests(RequestMethod.PUT, TeamsRig.ACTIVITIES);
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0).getUrl()).endsWith("/activities/card-question-1");
            assertThat(texts(card(TeamsRig.read(updates.get(0).getBodyAsString()))))
                    .contains(Messages.get(Language.EN, "quiz.question.heading", 1, 3));
            assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES))
                    .as("the next question")
                    .hasSize(1);
            rig.connector.resetRequests();

            ObjectNode again =
                    teams.submit(teams.personal(Activities.ALICE_AAD, "", "en-US"), "card-question-1", (ObjectNode)
                            options.get(1).get("data"));
            assertThat(rig.post(again).statusCode()).isEqualTo(200);

            assertThat(rig.connector.getAllServeEvents()).isEmpty();
        }
    }

    @Nested
    class Installation {

        @Test
        void welcomesATeamOnceAndKeepsItsGeneralChannel() {
            assertThat(rig.post(teams.botAddedToTeam(Activities.ALICE_AAD)).statusCode())
                    .isEqualTo(200);
            assertThat(rig.post(teams.installationUpdate("add", Activities.ALICE_AAD))
                            .statusCode())
                    .isEqualTo(200);

            List<JsonNode> sent = rig.sent();
            assertThat(sent).hasSize(1);
            assertThat(texts(card(sent.get(0)))).containsExactly(Fakes.Membership.WELCOME + " en");
            assertThat(rig.membership.calls).contains("joined " + Activities.GENERAL + " Marketing");
            assertThat(rig.references.find(new ChannelRef(Platform.TEAMS, Activities.TENANT, Activities.GENERAL)))
                    .isPresent();
        }

        @Test
        void pausesTheChannelWhenTheBotIsRemoved() {
            rig.post(teams.botAddedToTeam(Activities.ALICE_AAD));

            rig.post(teams.botRemovedFromTeam(Activities.ALICE_AAD));
            rig.post(teams.installationUpdate("remove", Activities.ALICE_AAD));

            assertThat(rig.membership.calls)
                    .containsSubsequence("joined " + Activities.GENERAL + " Marketing", "left " + Activities.GENERAL);
        }

        @Test
        void showsThePersonalPageWhenInstalledForOnePerson() throws Exception {
            rig.close();
            rig = new TeamsRig(
                    serviceUrl -> TeamsSettings.unauthenticated(List.of(serviceUrl)),
                    Optional.of((user, admin, language) -> Reply.of(
                            language.orElse(Language.EN),
                            Reply.Delivery.CONVERSATION,
                            List.of(new Block.Heading("Home of " + user.userId() + " "
                                    + language.orElse(Language.EN).tag())))));
            teams = rig.activities;

            assertThat(rig.post(teams.botAddedToPersonal(Activities.ALICE_AAD)).statusCode())
                    .isEqualTo(200);

            assertThat(texts(card(rig.sent().get(0)))).containsExactly("Home of " + Activities.ALICE_AAD + " fr");
            assertThat(rig.membership.calls).isEmpty();
        }
    }

    @Nested
    class NudgeFormCard {

        private JsonNode openForm(String userAad) {
            ObjectNode click = teams.submit(
                    teams.personal(userAad, "", "en-US"),
                    "card-home",
                    Activities.data(ActionIds.NUDGES_EDIT, "en~" + Activities.GENERAL));
            assertThat(rig.post(click).statusCode()).isEqualTo(200);
            List<JsonNode> sent = rig.sent();
            assertThat(sent).hasSize(1);
            rig.connector.resetRequests();
            return card(sent.get(0));
        }

        @Test
        void opensTheFormWithItsInputsForAnAdministrator() {
            JsonNode form = openForm(Activities.ADMIN_AAD);

            assertThat(form.path("body").findValuesAsText("type")).contains("Input.ChoiceSet", "Input.Text");
            JsonNode time = form.path("body").findParents("id").stream()
                    .filter(node -> node.path("id").asText().equals(NudgeForm.TIME))
                    .findFirst()
                    .orElseThrow();
            assertThat(time.path("value").asText()).isEqualTo("10:00");
            assertThat(actions(form))
                    .extracting(action -> action.path("data").path("actionId").asText())
                    .containsExactly(AdaptiveCardRenderer.FORM_SUBMIT, AdaptiveCardRenderer.FORM_CANCEL);
        }

        @Test
        void showsInvalidInputBackOnTheCardThenSavesInPlace() {
            openForm(Activities.ADMIN_AAD);
            ObjectNode data = Activities.data(AdaptiveCardRenderer.FORM_SUBMIT, Activities.GENERAL);
            data.put(NudgeForm.FREQUENCY, "WEEKLY").put(NudgeForm.TIME, "25h");

            rig.post(teams.submit(teams.personal(Activities.ADMIN_AAD, "", "en-US"), "card-form", data));

            List<LoggedRequest> updates = rig.requests(RequestMethod.PUT, TeamsRig.ACTIVITIES);
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0).getUrl()).endsWith("/activities/card-form");
            JsonNode rejected = card(TeamsRig.read(updates.get(0).getBodyAsString()));
            assertThat(texts(rejected)).contains(Fakes.Nudges.TIME_ERROR);
            assertThat(rejected.toString()).contains("\"color\":\"attention\"").contains("\"value\":\"25h\"");
            assertThat(rig.nudges.submitted.get(0))
                    .containsEntry(NudgeForm.TIME, "25h")
                    .containsEntry(NudgeForm.FREQUENCY, "WEEKLY")
                    .doesNotContainKeys("actionId", "value");
            rig.connector.resetRequests();

            data.put(NudgeForm.TIME, "09:30");
            rig.post(teams.submit(teams.personal(Activities.ADMIN_AAD, "", "en-US"), "card-form", data));

            JsonNode saved = card(TeamsRig.read(
                    rig.requests(RequestMethod.PUT, TeamsRig.ACTIVITIES).get(0).getBodyAsString()));
            assertThat(texts(saved)).containsExactly(Fakes.Nudges.SAVED + " WEEKLY 09:30");
        }

        @Test
        void tellsSomeoneElseTheyMayNot() {
            JsonNode denied = openForm(Activities.ALICE_AAD);

            assertThat(texts(denied)).containsExactly(Fakes.Nudges.DENIED);
        }

        @Test
        void cancelDeletesTheForm() {
            openForm(Activities.ADMIN_AAD);

            rig.post(teams.submit(
                    teams.personal(Activities.ADMIN_AAD, "", "en-US"),
                    "card-form",
                    Activities.data(AdaptiveCardRenderer.FORM_CANCEL, Activities.GENERAL)));

            assertThat(rig.requests(RequestMethod.DELETE, TeamsRig.ACTIVITIES))
                    .singleElement()
                    .satisfies(request -> assertThat(request.getUrl()).endsWith("/activities/card-form"));
            assertThat(rig.nudges.submitted).isEmpty();
        }
    }

    @Nested
    class Robustness {

        @Test
        void acceptsATimestampWithoutFractionalSeconds() {
            ObjectNode message = teams.personal(Activities.ALICE_AAD, "help", "en-US");
            message.put("timestamp", "2025-03-10T09:30:00Z");
            message.put("localTimestamp", "2025-03-10T10:30:00+01:00");

            assertThat(rig.post(message).statusCode()).isEqualTo(200);
            assertThat(rig.sent()).hasSize(1);
        }

        @Test
        void sendsNothingOffTheAllowListEvenWithAuthenticationOff() {
            WireMockServer elsewhere = new WireMockServer(
                    WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            elsewhere.start();
            try {
                ObjectNode message = teams.personal(Activities.ALICE_AAD, "stats", "en-US");
                message.put("serviceUrl", "http://127.0.0.1:" + elsewhere.port() + "/");

                HttpResponse<String> response = rig.post(message);

                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(elsewhere.getAllServeEvents()).isEmpty();
                assertThat(rig.connector.getAllServeEvents()).isEmpty();
            } finally {
                elsewhere.stop();
            }
        }

        @Test
        void servesOnlyThisMachineWhenAuthenticationIsOff() {
            assertThat(TeamsMessagesServlet.loopback("127.0.0.1")).isTrue();
            assertThat(TeamsMessagesServlet.loopback("0:0:0:0:0:0:0:1")).isTrue();
            assertThat(TeamsMessagesServlet.loopback("[::1]")).isTrue();
            assertThat(TeamsMessagesServlet.loopback("10.0.0.7")).isFalse();
            assertThat(TeamsMessagesServlet.loopback("169.254.169.254")).isFalse();
            assertThat(TeamsMessagesServlet.loopback(null)).isFalse();
        }

        @Test
        void refusesABodyThatIsNotAnActivity() {
            HttpResponse<String> notJson = rig.post("{not json", null);
            HttpResponse<String> array = rig.post("[1, 2]", null);

            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(notJson.body()).isEqualTo("the body is not JSON");
            assertThat(array.statusCode()).isEqualTo(400);
            assertThat(rig.connector.getAllServeEvents()).isEmpty();
        }

        @Test
        void refusesAnActivityWithoutTheFieldsItNeeds() {
            ObjectNode noConversation = teams.personal(Activities.ALICE_AAD, "help", "en-US");
            noConversation.remove("conversation");
            ObjectNode noSender = teams.personal(Activities.ALICE_AAD, "help", "en-US");
            noSender.remove("from");
            ObjectNode noType = teams.personal(Activities.ALICE_AAD, "help", "en-US");
            noType.remove("type");

            assertThat(rig.post(noConversation)).satisfies(response -> {
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.body()).isEqualTo("activity without conversation.id");
            });
            assertThat(rig.post(noSender).body()).isEqualTo("activity without from.id");
            assertThat(rig.post(noType).body()).isEqualTo("activity without type");
            assertThat(rig.connector.getAllServeEvents()).isEmpty();
        }

        @Test
        void acknowledgesActivityTypesItDoesNotHandleWithoutSendingAnything() {
            ObjectNode reaction = teams.personal(Activities.ALICE_AAD, "", "en-US");
            reaction.put("type", "messageReaction");
            ObjectNode typing = teams.personal(Activities.ALICE_AAD, "", "en-US");
            typing.put("type", "typing");
            ObjectNode unknown = teams.personal(Activities.ALICE_AAD, "", "en-US");
            unknown.put("type", "somethingNew");

            assertThat(List.of(rig.post(reaction), rig.post(typing), rig.post(unknown)))
                    .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
            assertThat(rig.connector.getAllServeEvents()).isEmpty();
        }

        @Test
        void answersAnOversizedQuestionWithTheCoresLimit() {
            String huge = "can I post this photo? ".repeat(4_000);

            assertThat(rig.post(teams.personal(Activities.ALICE_AAD, huge, "en-US"))
                            .statusCode())
                    .isEqualTo(200);

            String tooLong = Messages.get(Language.EN, "answer.too-long", 1, 2);
            assertThat(String.join(" ", texts(card(rig.sent().get(0)))))
                    .contains(tooLong.substring(0, tooLong.indexOf('(')));
        }

        @Test
        void refusesABodyOverTheCap() {
            String body = "{\"type\":\"message\",\"text\":\"" + "x".repeat(TeamsMessagesServlet.DEFAULT_MAX_BODY_BYTES)
                    + "\"}";

            assertThat(rig.post(body, null).statusCode()).isEqualTo(413);
            assertThat(rig.connector.getAllServeEvents()).isEmpty();
        }

        @Test
        void ignoresASubmitWithoutAnActionAndAMessageWithoutText() {
            ObjectNode odd = teams.submit(
                    teams.personal(Activities.ALICE_AAD, "", "en-US"),
                    "card-x",
                    TeamsRig.JSON.createObjectNode().put("something", "else"));

            assertThat(rig.post(odd).statusCode()).isEqualTo(200);
            // An empty text is help in the core: the person gets a sensible answer, not silence.
            assertThat(texts(card(rig.sent().get(0)))).contains(Messages.get(Language.EN, "commands.help.title"));
        }
    }

    @Nested
    class ConnectorFailures {

        @Test
        void retriesAThrottledReplyAndDeliversIt() {
            rig.connector.stubFor(post(urlPathMatching(TeamsRig.ACTIVITIES))
                    .inScenario("throttled")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
                    .willSetStateTo("open"));
            rig.connector.stubFor(post(urlPathMatching(TeamsRig.ACTIVITIES))
                    .inScenario("throttled")
                    .whenScenarioStateIs("open")
                    .willReturn(TeamsRig.okJson("{\"id\":\"1741599999000\"}")));

            assertThat(rig.post(teams.personal(Activities.ALICE_AAD, "help", "en-US"))
                            .statusCode())
                    .isEqualTo(200);

            assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES)).hasSize(2);
            assertThat(rig.apiErrors).as("each failed try counted").containsExactly("TEAMS 429");
        }

        @Test
        void givesUpOnAReplyStillThrottledAfterThreeTriesAndSaysSo() {
            rig.connector.stubFor(post(urlPathMatching(TeamsRig.ACTIVITIES))
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

            long start = System.nanoTime();
            assertThat(rig.post(teams.personal(Activities.ALICE_AAD, "help", "en-US"))
                            .statusCode())
                    .isEqualTo(200);

            assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES)).hasSize(3);
            assertThat(System.nanoTime() - start)
                    .as("waits are capped, whatever Retry-After says")
                    .isLessThan(5_000_000_000L);
            assertThat(rig.logText()).contains("could not send a reply (HTTP 429, attempt 3 of 3)");
            assertThat(rig.apiErrors).containsExactly("TEAMS 429", "TEAMS 429", "TEAMS 429");
        }

        @Test
        void logsAReplyTheConnectorKeepsFailing() {
            rig.connector.stubFor(post(urlPathMatching(TeamsRig.ACTIVITIES))
                    .willReturn(aResponse().withStatus(502)));

            assertThat(rig.post(teams.personal(Activities.ALICE_AAD, "help", "en-US"))
                            .statusCode())
                    .isEqualTo(200);

            // The SDK retries 5xx three times at once by itself; the bot does not add more.
            assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES)).hasSize(4);
            assertThat(rig.logText()).contains("could not send a reply (HTTP 502, attempt 1 of 3)");
            assertThat(rig.apiErrors).containsExactly("TEAMS 502");
        }
    }
}
