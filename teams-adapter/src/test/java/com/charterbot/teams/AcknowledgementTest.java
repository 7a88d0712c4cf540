package com.charterbot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.chat.Converse;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A message is acknowledged before its turn ends: Teams gets its 200 while the reply is still on its
 * way to a slow Bot Connector, the reply still arrives, and closing the bot lets it finish.
 */
class AcknowledgementTest extends FreshRigTest {

    private static final String QUESTION = "can I post this photo?";

    /** The connector takes this long to answer a reply: far longer than the acknowledgement. */
    private void slowConnector(int millis) {
        rig.connector.stubFor(post(urlPathMatching(TeamsRig.ACTIVITIES))
                .willReturn(TeamsRig.okJson("{\"id\":\"1741599999000\"}").withFixedDelay(millis)));
    }

    @Test
    void answersTeamsBeforeTheReplyIsSentThenSendsIt() {
        slowConnector(3_000);

        HttpResponse<String> response = rig.postWithoutWaiting(teams.personal(Activities.ALICE_AAD, QUESTION, "en-US"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rig.bot.idle())
                .as("the turn is still waiting for the connector")
                .isFalse();
        rig.awaitIdle();
        assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES))
                .singleElement()
                .satisfies(reply ->
                        assertThat(reply.getBodyAsString()).contains("application/vnd.microsoft.card.adaptive"));
        assertThat(rig.logText()).doesNotContain("failed");
    }

    @Test
    void closingLetsAnAcknowledgedTurnFinish() {
        slowConnector(1_000);

        HttpResponse<String> response = rig.postWithoutWaiting(teams.personal(Activities.ALICE_AAD, QUESTION, "en-US"));
        rig.bot.close();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rig.bot.idle()).isTrue();
        assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES)).hasSize(1);
    }

    @Test
    void answersWhenTheSeenEventsCannotBeRecordedRatherThanNotAtAll() {
        rig.seen.down = true;

        HttpResponse<String> response = rig.post(teams.personal(Activities.ALICE_AAD, QUESTION, "en-US"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES)).hasSize(1);
        assertThat(rig.logText())
                .contains("Could not record a Teams activity as seen: IllegalStateException")
                .doesNotContain("failed after its acknowledgement");
    }

    @Test
    void aTurnThatFailsAfterItsAcknowledgementIsLoggedWithoutTheMessageAndTheNextIsServed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Converse failingOnce = new Converse() {
            @Override
            public List<Reply> onMessage(Message message) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("the core broke");
                }
                return List.of(
                        Reply.of(Language.EN, Reply.Delivery.CONVERSATION, List.of(new Block.Text("second answer"))));
            }

            @Override
            public List<Reply> onAction(ActionEvent action) {
                return List.of();
            }

            @Override
            public List<Reply> onDraft(Message draft) {
                return List.of();
            }
        };
        try (TeamsRig own = TeamsRig.unauthenticated(failingOnce)) {
            HttpResponse<String> first = own.post(own.activities.personal(Activities.ALICE_AAD, QUESTION, "en-US"));
            HttpResponse<String> second =
                    own.post(own.activities.personal(Activities.ALICE_AAD, "and this one?", "en-US"));

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(own.logText())
                    .contains("Teams message failed after its acknowledgement")
                    .contains("the core broke")
                    .doesNotContain(QUESTION)
                    .doesNotContain(Activities.PERSONAL);
            assertThat(own.sent())
                    .singleElement()
                    .satisfies(card -> assertThat(card.toString()).contains("second answer"));
        }
    }
}
