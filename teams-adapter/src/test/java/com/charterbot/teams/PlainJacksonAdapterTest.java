package com.charterbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.BlockSamples;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The connector clients write and read with {@link PlainJacksonAdapter}: it must give the same JSON
 * as the SDK's own {@link JacksonAdapter} for everything that goes over the wire, or a reply
 * would differ from what the SDK would have sent.
 */
class PlainJacksonAdapterTest {

    private static final ObjectMapper TREES = new ObjectMapper();

    private final JacksonAdapter sdk = new JacksonAdapter();
    private final PlainJacksonAdapter plain = new PlainJacksonAdapter();

    @Test
    void everyCardReplyIsWrittenAsTheSdkWritesIt() throws IOException {
        AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();
        List<Reply> replies = new ArrayList<>();
        for (Block block : BlockSamples.one().values()) {
            replies.add(new Reply(Language.FR, Reply.Delivery.PRIVATE, List.of(block), "échantillon"));
        }
        replies.add(BlockSamples.everyKind());
        for (Reply reply : replies) {
            Activity activity = AdaptiveCardRenderer.message(renderer.card(reply), reply.fallbackText());
            assertSameJson(activity, "card reply " + reply.fallbackText());
        }
        assertThat(replies).hasSizeGreaterThan(10);
    }

    @Test
    void everyActivityTeamsSendsIsReadAndWrittenBackAsTheSdkDoes() throws IOException, URISyntaxException {
        List<Path> fixtures;
        try (Stream<Path> files =
                Files.list(Path.of(getClass().getResource("/replay/teams").toURI()))) {
            fixtures = files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        assertThat(fixtures).hasSizeGreaterThan(50);
        for (Path fixture : fixtures) {
            String json = TREES.readTree(fixture.toFile()).path("activity").toString();
            Activity bySdk = sdk.deserialize(json, Activity.class);
            Activity byPlain = plain.deserialize(json, Activity.class);
            assertThat(TREES.readTree(plain.serialize(byPlain)))
                    .as(fixture.getFileName().toString())
                    .isEqualTo(TREES.readTree(sdk.serialize(bySdk)));
        }
    }

    @Test
    void theConnectorsAnswersAreReadAsTheSdkReadsThem() throws IOException {
        assertSameReading("{\"id\":\"1:1DkBmkv0XV2Mm\"}", ResourceResponse.class);
        assertSameReading(
                "{\"id\":\"a:1bench\",\"activityId\":\"1741600000000\",\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\"}",
                ConversationResourceResponse.class);
        assertSameReading("""
                {"id":"29:1abc","name":"Camille Martin","aadObjectId":"6b2c8a1e-3d4f-4a5b-9c8d-000000000001","givenName":"Camille",\
                "surname":"Martin","email":"camille@example.com","userPrincipalName":"camille@example.com","tenantId":"72f988bf",\
                "userRole":"user","extra":{"kept":true}}""", TeamsChannelAccount.class);
    }

    private void assertSameJson(Object value, String what) throws IOException {
        JsonNode bySdk = TREES.readTree(sdk.serialize(value));
        JsonNode byPlain = TREES.readTree(plain.serialize(value));
        assertThat(byPlain).as(what).isEqualTo(bySdk);
        assertThat(bySdk.size()).as(what).isPositive();
    }

    private void assertSameReading(String json, Type type) throws IOException {
        Object bySdk = sdk.deserialize(json, type);
        Object byPlain = plain.deserialize(json, type);
        assertThat(TREES.readTree(plain.serialize(byPlain)))
                .isEqualTo(TREES.readTree(sdk.serialize(bySdk)))
                .isNotEmpty();
    }
}
