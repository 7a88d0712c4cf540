package com.charterbot.bench.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BotFrameworkTokensTest {

    private static final String APP_ID = "9f3c2b1a-0e4d-4c5b-8a7f-6e5d4c3b2a19";
    private static final String SERVICE_URL = "http://127.0.0.1:1/teams/";
    private final BotFrameworkTokens tokens =
            new BotFrameworkTokens(APP_ID, Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void signsAValidTokenThatThePublishedKeyVerifies() throws Exception {
        String token = tokens.valid(SERVICE_URL);

        assertThat(verifies(token)).isTrue();
        String claims = part(token, 1);
        assertThat(claims)
                .contains(
                        "\"iss\":\"https://api.botframework.com\"",
                        "\"aud\":\"" + APP_ID + "\"",
                        "\"serviceurl\":\"" + SERVICE_URL + "\"");
        assertThat(part(token, 0)).contains("\"kid\":\"" + BotFrameworkTokens.KEY_ID + "\"", "\"alg\":\"RS256\"");
    }

    @Test
    void reusesATokenForAWhileAsTeamsDoes() {
        assertThat(tokens.valid(SERVICE_URL)).isEqualTo(tokens.valid(SERVICE_URL));
    }

    @Test
    void forgesTokensThatTheKeyDoesNotVouchForOrThatSayTheWrongThing() throws Exception {
        assertThat(verifies(tokens.forged(BotFrameworkTokens.Forgery.OTHER_KEY, SERVICE_URL)))
                .isFalse();
        assertThat(part(tokens.forged(BotFrameworkTokens.Forgery.OTHER_AUDIENCE, SERVICE_URL), 1))
                .doesNotContain(APP_ID);
        assertThat(part(tokens.forged(BotFrameworkTokens.Forgery.WRONG_SERVICE_URL, SERVICE_URL), 1))
                .doesNotContain(SERVICE_URL);
        assertThat(part(tokens.forged(BotFrameworkTokens.Forgery.UNSIGNED, SERVICE_URL), 0))
                .contains("\"alg\":\"none\"");
        String expired = part(tokens.forged(BotFrameworkTokens.Forgery.EXPIRED, SERVICE_URL), 1);
        Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(expired);
        assertThat(exp.find()).isTrue();
        assertThat(Long.parseLong(exp.group(1)))
                .isLessThan(Instant.parse("2026-11-26T10:00:00Z").getEpochSecond());
    }

    private boolean verifies(String token) throws Exception {
        Matcher n = Pattern.compile("\"n\":\"([^\"]+)\"").matcher(tokens.jwks());
        Matcher e = Pattern.compile("\"e\":\"([^\"]+)\"").matcher(tokens.jwks());
        assertThat(n.find() && e.find()).isTrue();
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode(n.group(1))),
                        new BigInteger(1, Base64.getUrlDecoder().decode(e.group(1)))));
        int lastDot = token.lastIndexOf('.');
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
    }

    private static String part(String token, int index) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    }
}
