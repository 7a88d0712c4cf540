package com.charterbot.app.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.persistence.Databases;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.charterbot.teams.StoredReference;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcConversationReferencesTest {

    private static final ChannelRef CHANNEL = new ChannelRef(Platform.TEAMS, "tenant-1", "19:abc@thread.tacv2");
    private static final Instant AT = Instant.parse("2025-03-10T09:30:00.123456789Z");

    private static StoredReference reference(ChannelRef channel, String serviceUrl, Instant at) {
        return new StoredReference(
                channel,
                StoredReference.Scope.CHANNEL,
                serviceUrl,
                "{\"serviceUrl\":\"" + serviceUrl + "\",\"conversation\":{\"id\":\"" + channel.channelId() + "\"}}",
                at);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void savesFindsReplacesAndForgets(Databases.Kind kind) {
        DataSource dataSource = Databases.fresh(kind);
        JdbcConversationReferences references = new JdbcConversationReferences(dataSource);

        references.save(reference(CHANNEL, "https://smba.trafficmanager.net/amer/", AT));
        assertThat(references.find(CHANNEL)).hasValueSatisfying(found -> {
            assertThat(found.serviceUrl()).isEqualTo("https://smba.trafficmanager.net/amer/");
            assertThat(found.json()).contains("19:abc@thread.tacv2");
            assertThat(found.updatedAt()).isEqualTo(Instant.parse("2025-03-10T09:30:00.123456Z"));
        });

        references.save(reference(CHANNEL, "https://smba.trafficmanager.net/emea/", AT.plusSeconds(60)));
        assertThat(references.find(CHANNEL))
                .hasValueSatisfying(
                        found -> assertThat(found.serviceUrl()).isEqualTo("https://smba.trafficmanager.net/emea/"));

        ChannelRef otherTenant = new ChannelRef(Platform.TEAMS, "tenant-2", CHANNEL.channelId());
        assertThat(references.find(otherTenant)).isEmpty();
        assertThat(references.find(new ChannelRef(Platform.SLACK, "tenant-1", CHANNEL.channelId())))
                .isEmpty();

        references.forget(CHANNEL);
        assertThat(references.find(CHANNEL)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsGroupChatsWithLongIds(Databases.Kind kind) {
        JdbcConversationReferences references = new JdbcConversationReferences(Databases.fresh(kind));
        ChannelRef chat = new ChannelRef(Platform.TEAMS, "tenant-1", "19:meeting_" + "M".repeat(600) + "@thread.v2");

        references.save(new StoredReference(
                chat, StoredReference.Scope.GROUP_CHAT, "https://smba.trafficmanager.net/teams/", "{}", AT));

        assertThat(references.find(chat))
                .hasValueSatisfying(found -> assertThat(found.scope()).isEqualTo(StoredReference.Scope.GROUP_CHAT));
    }
}
