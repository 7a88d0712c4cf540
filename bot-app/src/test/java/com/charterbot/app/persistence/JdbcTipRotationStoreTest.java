package com.charterbot.app.persistence;

import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.atOnce;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcTipRotationStoreTest {

    private static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T1", "C-GENERAL");
    private static final ChannelRef OTHER_TENANT = new ChannelRef(Platform.SLACK, "T2", "C-GENERAL");
    private static final ChannelRef TEAMS = new ChannelRef(Platform.TEAMS, "T1", "C-GENERAL");

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsTheTipsShownInTheCycleAndTheLastOne(Databases.Kind kind) {
        JdbcTipRotationStore store = new JdbcTipRotationStore(Databases.fresh(kind));

        assertThat(store.shown(GENERAL)).isEmpty();
        assertThat(store.last(GENERAL)).isEmpty();

        store.markShown(GENERAL, "conduct#0");
        store.markShown(GENERAL, "privacy#3");
        store.markShown(GENERAL, "conduct#0");
        store.markShown(OTHER_TENANT, "tools#1");

        assertThat(store.shown(GENERAL)).isEqualTo(Set.of("conduct#0", "privacy#3"));
        assertThat(store.last(GENERAL)).contains("conduct#0");
        assertThat(store.shown(OTHER_TENANT)).isEqualTo(Set.of("tools#1"));
        assertThat(store.last(OTHER_TENANT)).contains("tools#1");
        assertThat(store.shown(TEAMS)).isEmpty();
        assertThat(store.last(TEAMS)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void resetStartsANewCycleButKeepsTheLastTip(Databases.Kind kind) {
        JdbcTipRotationStore store = new JdbcTipRotationStore(Databases.fresh(kind));
        store.markShown(GENERAL, "conduct#0");
        store.markShown(GENERAL, "privacy#3");
        store.markShown(TEAMS, "conduct#0");

        store.reset(GENERAL);

        assertThat(store.shown(GENERAL)).isEmpty();
        assertThat(store.last(GENERAL)).contains("privacy#3");
        assertThat(store.shown(TEAMS)).containsExactly("conduct#0");

        store.markShown(GENERAL, "conduct#0");
        assertThat(store.shown(GENERAL)).containsExactly("conduct#0");
        assertThat(store.last(GENERAL)).contains("conduct#0");
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void refusesWhatIsNotATipId(Databases.Kind kind) {
        JdbcTipRotationStore store = new JdbcTipRotationStore(Databases.fresh(kind));

        assertThatThrownBy(() -> store.markShown(GENERAL, "conduct")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.markShown(GENERAL, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.shown(null)).isInstanceOf(NullPointerException.class);
        assertThat(store.last(GENERAL)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void tipsShownAtOnceInOneChannelAreAllKept(Databases.Kind kind) throws Exception {
        DataSource dataSource = Databases.fresh(kind);
        JdbcTipRotationStore store = new JdbcTipRotationStore(dataSource);
        List<Callable<Boolean>> marks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String tip = "conduct#" + (i % 4);
            marks.add(() -> {
                store.markShown(GENERAL, tip);
                return true;
            });
        }

        assertThat(atOnce(marks)).containsOnly(true);
        assertThat(store.shown(GENERAL)).isEqualTo(Set.of("conduct#0", "conduct#1", "conduct#2", "conduct#3"));
        assertThat(store.last(GENERAL).orElseThrow()).startsWith("conduct#");
        assertThat(count(dataSource, "tip_last")).isEqualTo(1);
    }
}
