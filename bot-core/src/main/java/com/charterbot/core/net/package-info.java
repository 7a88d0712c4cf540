/**
 * Plumbing the adapters' outbound HTTP clients share, JDK only: {@link com.charterbot.core.net.NoDelaySockets}.
 * Nothing here knows a platform or a feature.
 */
package com.charterbot.core.net;
