package com.charterbot.playground;

import com.charterbot.app.conversation.ConversationProperties;
import com.charterbot.core.stats.DrawCharts;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The playground's conversation, made once the charter first loads (the playground may start on a
 * broken one); it answers from the live charter from then on, whatever reloads follow. Its settings
 * come from a supplier: they are read on the side while the web server starts.
 */
final class PlaygroundChats {

    private final LiveCharter charter;
    private final Supplier<ConversationProperties> properties;
    private final DrawCharts charts;
    private final Clock clock;
    private PlaygroundChat chat;

    PlaygroundChats(LiveCharter charter, Supplier<ConversationProperties> properties, DrawCharts charts, Clock clock) {
        this.charter = Objects.requireNonNull(charter, "charter");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.charts = Objects.requireNonNull(charts, "charts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The conversation; the charter must have loaded. */
    synchronized PlaygroundChat chat() {
        if (chat == null) {
            chat = new PlaygroundChat(
                    charter.engine().orElseThrow(() -> new IllegalStateException("no charter has loaded yet")),
                    properties.get(),
                    charter,
                    charts,
                    clock);
        }
        return chat;
    }
}
