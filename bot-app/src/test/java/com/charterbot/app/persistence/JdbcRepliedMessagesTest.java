package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.memory.InMemoryRepliedMessages;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcRepliedMessagesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final ChannelRef DM = new ChannelRef(Platform.SLACK, "T1", "D0DM");
    private static final ChannelRef OTHER_DM = new ChannelRef(Platform.SLACK, "T1", "D0OTHER");
    private static final ChannelRef TEAMS_CHAT = new ChannelRef(Platform.TEAMS, "tenant", "a:1chat");

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void findsTheReplyToAMessageForADayThenForgetsIt(Databases.Kind kind) {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            behaves(new JdbcRepliedMessages(dataSource));

            List<String> rows = Databases.rows(dataSource, "replied_message");
            assertThat(rows)
                    .as("ids only: no conversation or message id in clear")
                    .noneMatch(row -> row.contains("D0DM") || row.contains("1741.0001"));
        }
    }

    @Test
    void theInMemoryStoreBehavesTheSame() {
        behaves(new InMemoryRepliedMessages());
    }

    private static void behaves(RepliedMessages replies) {
        replies.remember(DM, "1741.0001", "1741.0002", NOW);
        replies.remember(TEAMS_CHAT, "1741.0001", "reply-on-teams", NOW);

        assertThat(replies.replyTo(DM, "1741.0001", NOW.plusSeconds(60))).contains("1741.0002");
        assertThat(replies.replyTo(OTHER_DM, "1741.0001", NOW))
                .as("message ids are per conversation")
                .isEmpty();
        assertThat(replies.replyTo(TEAMS_CHAT, "1741.0001", NOW)).contains("reply-on-teams");
        assertThat(replies.replyTo(DM, "1741.0009", NOW)).isEmpty();

        replies.remember(DM, "1741.0001", "1741.0003", NOW.plusSeconds(10));
        assertThat(replies.replyTo(DM, "1741.0001", NOW.plusSeconds(60)))
                .as("a later reply replaces the earlier")
                .contains("1741.0003");

        assertThat(replies.replyTo(DM, "1741.0001", NOW.plus(Duration.ofDays(2))))
                .as("kept a day only")
                .isEmpty();

        replies.remember(DM, "x".repeat(RepliedMessages.MAX_ID + 1), "1741.0004", NOW);
        replies.remember(DM, "1741.0005", " ", NOW);
        assertThat(replies.replyTo(DM, "1741.0005", NOW))
                .as("blank and oversized ids are not kept")
                .isEmpty();

        assertThat(replies.forgetBefore(NOW.plusSeconds(5)))
                .as("the Teams entry is older than the bound")
                .isEqualTo(1);
        assertThat(replies.replyTo(DM, "1741.0001", NOW.plusSeconds(60))).contains("1741.0003");
        assertThat(replies.forgetBefore(NOW.plus(Duration.ofDays(2)))).isEqualTo(1);
        assertThat(replies.replyTo(DM, "1741.0001", NOW.plusSeconds(60))).isEmpty();
    }
}
