package com.charterbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.charterbot.core.net.NoDelaySockets;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ConnectorClientTest {

    @Test
    void repliesGoThroughSocketsWithNagleOffAndTheSettingsTimeouts() {
        RestConnectorClient connector = (RestConnectorClient) TeamsAdapter.connector(
                "https://smba.trafficmanager.net/emea/", MicrosoftAppCredentials.empty(), Duration.ofMillis(4_321));

        OkHttpClient client = connector.httpClient();
        assertThat(client.socketFactory())
                .as("a reply card over 8 KiB would wait for a delayed ACK")
                .isSameAs(NoDelaySockets.INSTANCE);
        assertThat(client.readTimeoutMillis()).isEqualTo(4_321);
        assertThat(client.dispatcher().getMaxRequestsPerHost()).isEqualTo(TeamsAdapter.CONNECTOR_REQUESTS_PER_HOST);
        assertThat(connector.getRestClient().retrofit().baseUrl()).hasToString("https://smba.trafficmanager.net/emea/");
    }

    @Test
    void aServiceUrlThatIsNoUrlIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TeamsAdapter.connector(
                        "not a url at all", MicrosoftAppCredentials.empty(), Duration.ofSeconds(1)))
                .withMessage("not a service URL");
    }
}
