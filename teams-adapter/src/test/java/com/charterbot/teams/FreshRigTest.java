package com.charterbot.teams;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class that gets a fresh {@link TeamsRig} for each test, authentication off, over the
 * bundled conversation, and closes it after the test (after the class's own {@code @AfterEach}).
 */
abstract class FreshRigTest {

    TeamsRig rig;
    /** The rig's activity builder. */
    Activities teams;

    @BeforeEach
    void startRig() {
        rig = TeamsRig.unauthenticated();
        teams = rig.activities;
    }

    @AfterEach
    void closeRig() throws Exception {
        rig.close();
    }
}
