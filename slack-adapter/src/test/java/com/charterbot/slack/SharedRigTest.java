package com.charterbot.slack;

import com.charterbot.core.testing.TestConversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class served by one {@link SlackRig} over the bundled conversation: started before the
 * class's first test, closed after its last once it is sure no secret was logged, and before each
 * test left to finish the last one's background work, cleared of what it received and given a fresh
 * conversation.
 */
abstract class SharedRigTest {

    /** The rig of the test class running. */
    static SlackRig rig;

    @BeforeAll
    static void startRig() throws Exception {
        rig = SlackRig.start(TestConversation.create());
    }

    @AfterAll
    static void stopRig() throws Exception {
        rig.assertNoSecretLogged();
        rig.close();
    }

    @BeforeEach
    void freshRig() {
        // A Web API call the last test left in flight must not fall between reset and re-stub (a 404) and
        // land in this test's counts.
        rig.awaitIdle();
        rig.reset();
        rig.converse.use(TestConversation.create());
    }
}
