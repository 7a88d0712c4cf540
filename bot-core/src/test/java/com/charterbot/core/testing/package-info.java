/**
 * Test fixtures every module's tests share through bot-core's test-jar: the real conversation over
 * in-memory stores ({@link com.charterbot.core.testing.TestConversation}), the whole core behind an
 * adapter's ports for replays ({@link com.charterbot.core.testing.ReplayCore},
 * {@link com.charterbot.core.testing.ReplayFixtures}) and a clock tests move
 * ({@link com.charterbot.core.testing.MovableClock}).
 */
package com.charterbot.core.testing;
