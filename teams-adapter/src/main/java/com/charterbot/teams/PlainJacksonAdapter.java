package com.charterbot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;

/**
 * The Bot Framework SDK's {@link JacksonAdapter}, writing and reading with the plain mapper the SDK
 * configures, without its flattening and additional-properties modules.
 *
 * <p>Those modules only change classes annotated {@code @JsonFlatten} or holding additional
 * properties, and no class of the Bot Framework schema is (checked by {@code PlainJacksonAdapterTest},
 * which compares both outputs); yet they turn every activity into a JSON tree before writing it: the
 * SDK's serializer was a ninth of the app's CPU on the Teams path (JFR under bench/teams-load).
 */
final class PlainJacksonAdapter extends JacksonAdapter {

    @Override
    public ObjectMapper serializer() {
        return simpleMapper();
    }
}
