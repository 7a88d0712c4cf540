package com.charterbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.MultiTeamsAuthorization;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Bolt's authorization of a distributed app (the request's workspace's bot, found through the
 * {@link InstallationService}), keeping each token's first successful {@code auth.test} answer
 * for an hour: no Web API call on the request path afterwards, and a failed or refused call is not
 * remembered, so the next request tries again (Bolt would keep a refusal). A rotated token is a new
 * key, so it is tested once.
 */
final class KeptAuthTests extends MultiTeamsAuthorization {

    private final Cache<String, AuthTestResponse> kept = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(10_000)
            .build();

    KeptAuthTests(AppConfig config, InstallationService installations) {
        super(config, installations);
    }

    @Override
    protected AuthTestResponse callAuthTest(String token, AppConfig config, MethodsClient client)
            throws IOException, SlackApiException {
        AuthTestResponse known = kept.getIfPresent(token);
        if (known != null) {
            return known;
        }
        AuthTestResponse response = client.authTest(r -> r.token(token));
        if (response != null && response.isOk()) {
            kept.put(token, response);
        }
        return response;
    }
}
