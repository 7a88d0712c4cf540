package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.phrasing.Candidate;
import com.charterbot.core.values.Language;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcPhrasingCandidatesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final List<HikariDataSource> pools = new ArrayList<>();

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void countsSightingsListsTheMostSeenFirstAndDecidesOnce(Databases.Kind kind) {
        JdbcPhrasingCandidates candidates = new JdbcPhrasingCandidates(database(kind));
        candidates.seen("can I post a selfie at my desk?", "photos-videos", Language.EN, T0);
        candidates.seen("puis-je publier un selfie au bureau ?", "photos-videos", Language.FR, T0);
        candidates.seen("puis-je publier un selfie au bureau ?", "photos-videos", Language.FR, T0.plusSeconds(60));

        List<Candidate> pending = candidates.pending(10);
        assertThat(pending)
                .extracting(Candidate::text)
                .containsExactly("puis-je publier un selfie au bureau ?", "can I post a selfie at my desk?");
        assertThat(pending.get(0).count()).isEqualTo(2);
        assertThat(pending.get(0).firstSeen()).isEqualTo(T0);
        assertThat(pending.get(0).lastSeen()).isEqualTo(T0.plusSeconds(60));

        assertThat(candidates.decide(pending.get(0).id(), Candidate.Status.APPROVED, "respect-conduct", T0))
                .isTrue();
        assertThat(candidates.decide(pending.get(0).id(), Candidate.Status.REJECTED, "respect-conduct", T0))
                .isFalse();
        assertThat(candidates.approved())
                .singleElement()
                .satisfies(c -> assertThat(c.sectionId()).isEqualTo("respect-conduct"));
        assertThat(candidates.pending(10)).hasSize(1);

        candidates.exported(List.of(pending.get(0).id()));
        assertThat(candidates.approved()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void deletesPendingCandidatesAfterRetentionButKeepsApprovedOnes(Databases.Kind kind) {
        JdbcPhrasingCandidates candidates = new JdbcPhrasingCandidates(database(kind));
        candidates.seen("old question", "photos-videos", Language.EN, T0);
        candidates.seen("approved question", "photos-videos", Language.EN, T0);
        candidates.seen("recent question", "photos-videos", Language.EN, T0.plus(Duration.ofDays(40)));
        long approved = candidates.pending(10).stream()
                .filter(c -> c.text().equals("approved question"))
                .findFirst()
                .orElseThrow()
                .id();
        candidates.decide(approved, Candidate.Status.APPROVED, "photos-videos", T0);

        assertThat(candidates.purgePendingBefore(T0.plus(Duration.ofDays(30)))).isEqualTo(1);

        assertThat(candidates.pending(10)).extracting(Candidate::text).containsExactly("recent question");
        assertThat(candidates.approved()).extracting(Candidate::text).containsExactly("approved question");
    }

    private DataSource database(Databases.Kind kind) {
        HikariDataSource pool = Databases.pooled(kind);
        pools.add(pool);
        return pool;
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }
}
