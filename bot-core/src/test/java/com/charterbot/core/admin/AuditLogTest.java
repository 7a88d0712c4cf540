package com.charterbot.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.memory.InMemoryAuditLog;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    private static final UserRef ADMIN = new UserRef(Platform.SLACK, "T1", "U0ADMIN");
    private static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");

    private static AuditRecord record(String target, Instant at) {
        return new AuditRecord(ADMIN, at, "nudges.change", target, "off", "weekly");
    }

    @Test
    void listsRecentRecordsNewestFirstUpToTheLimit() {
        InMemoryAuditLog log = new InMemoryAuditLog();
        log.append(record("a", T0));
        log.append(record("b", T0.plusSeconds(60)));
        log.append(record("c", T0.plusSeconds(120)));

        assertThat(log.recent(10)).extracting(AuditRecord::target).containsExactly("c", "b", "a");
        assertThat(log.recent(2)).extracting(AuditRecord::target).containsExactly("c", "b");
        assertThat(log.recent(0)).isEmpty();
        assertThatThrownBy(() -> log.recent(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersByTimeEvenWhenAppendedOutOfOrderAndBreaksTiesByArrival() {
        InMemoryAuditLog log = new InMemoryAuditLog();
        log.append(record("late", T0.plusSeconds(60)));
        log.append(record("early", T0));
        log.append(record("same-time-first", T0.plusSeconds(30)));
        log.append(record("same-time-second", T0.plusSeconds(30)));

        assertThat(log.recent(10))
                .extracting(AuditRecord::target)
                .containsExactly("late", "same-time-second", "same-time-first", "early");
    }

    @Test
    void dropsTheOldestRecordsBeyondItsCapacity() {
        InMemoryAuditLog log = new InMemoryAuditLog(2);
        log.append(record("a", T0));
        log.append(record("b", T0.plusSeconds(1)));
        log.append(record("c", T0.plusSeconds(2)));

        assertThat(log.recent(10)).extracting(AuditRecord::target).containsExactly("c", "b");
    }

    @Test
    void recordsValidateThemselves() {
        AuditRecord created = new AuditRecord(ADMIN, T0, "nudges.change", "slack:T1:C1", null, "weekly tips");
        assertThat(created.before()).isEmpty();

        assertThatThrownBy(() -> new AuditRecord(ADMIN, T0, "Nudges Change", "x", "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditRecord(ADMIN, T0, "nudges.change", " ", "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditRecord(ADMIN, T0, "nudges.change", "x", "y".repeat(2_001), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditRecord(null, T0, "nudges.change", "x", "", ""))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void adminActionsAuthorizeThenAuditWithTheClocksTime() {
        InMemoryAuditLog log = new InMemoryAuditLog();
        AdminActions actions = new AdminActions(
                new AdminPolicy(new AdminDirectory(Set.of("U0ADMIN"), Set.of())), log, Clock.fixed(T0, ZoneOffset.UTC));

        assertThat(actions.authorize(ADMIN, false)).isEqualTo(new Decision.Allowed("configured"));
        assertThat(actions.authorize(new UserRef(Platform.SLACK, "T1", "U0OTHER"), false))
                .isInstanceOf(Decision.Denied.class);
        actions.audited(ADMIN, AdminActions.NUDGES_CHANGE, "slack:T1:C1", "off", "tips weekly");

        assertThat(log.recent(1))
                .containsExactly(new AuditRecord(ADMIN, T0, "nudges.change", "slack:T1:C1", "off", "tips weekly"));
    }
}
