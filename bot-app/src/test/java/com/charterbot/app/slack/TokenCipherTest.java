package com.charterbot.app.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    static final String TOKEN = "xoxb-1111-2222-cipheredtoken";

    @Test
    void aTokenComesBackAsItWentInAndIsNeverStoredAsItIs() {
        TokenCipher cipher = new TokenCipher(KEY, List.of());

        String stored = cipher.encrypt(TOKEN, "team:T1/bot_token");

        assertThat(stored).startsWith("v1:").doesNotContain(TOKEN).doesNotContain("cipheredtoken");
        assertThat(cipher.decrypt(stored, "team:T1/bot_token")).isEqualTo(TOKEN);
        assertThat(cipher.encrypt(TOKEN, "team:T1/bot_token"))
                .as("a fresh nonce each time")
                .isNotEqualTo(stored);
    }

    @Test
    void aCiphertextMovedToAnotherRowOrColumnOrChangedDoesNotDecrypt() {
        TokenCipher cipher = new TokenCipher(KEY, List.of());
        String stored = cipher.encrypt(TOKEN, "team:T1/bot_token");
        String flipped = stored.substring(0, stored.length() - 3)
                + (stored.charAt(stored.length() - 3) == 'A' ? 'B' : 'A')
                + stored.substring(stored.length() - 2);

        assertThatIllegalStateException()
                .isThrownBy(() -> cipher.decrypt(stored, "team:T2/bot_token"))
                .withMessageContaining("copied");
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(stored, "team:T1/bot_refresh_token"));
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(flipped, "team:T1/bot_token"));
        assertThatIllegalStateException()
                .isThrownBy(() -> cipher.decrypt(TOKEN, "team:T1/bot_token"))
                .withMessageContaining("not in the encrypted format")
                .withMessageNotContaining(TOKEN);
    }

    @Test
    void aRotatedKeyStillReadsWhatThePreviousOneWroteAndSaysSo() {
        String old = new TokenCipher(OTHER_KEY, List.of()).encrypt(TOKEN, "org:E1/bot_token");
        TokenCipher rotated = new TokenCipher(KEY, List.of(OTHER_KEY));
        TokenCipher withoutTheOldKey = new TokenCipher(KEY, List.of());

        assertThat(rotated.decrypt(old, "org:E1/bot_token")).isEqualTo(TOKEN);
        assertThat(rotated.current(old)).isFalse();
        assertThat(rotated.current(rotated.encrypt(TOKEN, "org:E1/bot_token"))).isTrue();
        assertThatIllegalStateException()
                .isThrownBy(() -> withoutTheOldKey.decrypt(old, "org:E1/bot_token"))
                .withMessageContaining("charter.slack.token-encryption-previous-keys")
                .withMessageNotContaining(OTHER_KEY);
    }

    @Test
    void refusesKeysThatAreNot32BytesOfBase64WithoutRepeatingThem() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenCipher("", List.of()))
                .withMessageContaining("is not set");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenCipher(shortKey, List.of()))
                .withMessageContaining("must be 32 bytes (AES-256), not 16")
                .withMessageNotContaining(shortKey);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenCipher("correct horse battery staple!!", List.of()))
                .withMessageContaining("is not base64")
                .withMessageContaining("openssl rand -base64 32")
                .withMessageNotContaining("horse");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenCipher(KEY, List.of(shortKey)))
                .withMessageContaining("charter.slack.token-encryption-previous-keys[0]");
    }
}
