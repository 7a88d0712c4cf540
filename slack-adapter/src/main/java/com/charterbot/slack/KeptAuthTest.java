package com.charterbot.slack;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;

/**
 * Bolt's single-workspace authorization, keeping the first successful {@code auth.test} answer
 * for good: no Web API call on the request path afterwards, and a failed or refused call is not
 * remembered, so the next request tries again (Bolt would keep a refusal until it expires).
 */
final class KeptAuthTest extends SingleTeamAuthorization {

    private volatile AuthTestResponse kept;

    KeptAuthTest(AppConfig config) {
        super(config, null, null);
    }

    @Override
    protected AuthTestResponse callAuthTest(String token, AppConfig config, MethodsClient client)
            throws IOException, SlackApiException {
        AuthTestResponse known = kept;
        if (known != null) {
            return known;
        }
        AuthTestResponse response = client.authTest(r -> r.token(token));
        if (response != null && response.isOk()) {
            kept = response;
        }
        return response;
    }
}
