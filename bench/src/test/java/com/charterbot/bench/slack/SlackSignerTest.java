package com.charterbot.bench.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackSignerTest {

    @Test
    void reproducesTheExampleOfSlacksVerifyingRequestsGuide() {
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        assertThat(new SlackSigner("8f742231b10e8888abcd99yyyzzz85a5").signature(1531420618, body))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    @Test
    void matchesOpensslOnAnotherSecret() {
        // printf '%s' 'v0:1700000000:text=puis-je%20partager' | openssl dgst -sha256 -hmac bench-secret
        assertThat(new SlackSigner("bench-secret").signature(1700000000, "text=puis-je%20partager"))
                .isEqualTo("v0=8c44381178f6565eff56700cf61f6efdc5c2e2d638b313295cff43c4e2be71fd");
    }
}
