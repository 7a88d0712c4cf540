/**
 * The values every adapter builds and every feature reads: {@link com.charterbot.core.values.Platform},
 * {@link com.charterbot.core.values.UserRef}, {@link com.charterbot.core.values.ChannelRef},
 * {@link com.charterbot.core.values.Message}, {@link com.charterbot.core.values.ActionEvent},
 * {@link com.charterbot.core.values.Language} and {@link com.charterbot.core.values.Media}.
 *
 * <p>They sit under every other package of the core and depend on nothing but the JDK and
 * {@code text} (a message's text is cleaned once, when it is built); {@code DependencyRulesTest}
 * keeps it that way.
 */
package com.charterbot.core.values;
