package com.charterbot.app.persistence;

import com.charterbot.core.experts.ExpertsChannels;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ExpertsChannels} in the {@code experts_channel} table: one channel per platform and tenant. Thread-safe. */
public final class JdbcExpertsChannels implements ExpertsChannels {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcExpertsChannels(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<ChannelRef> find(Platform platform, String tenant) {
        return jdbc.sql("SELECT channel_id FROM experts_channel WHERE platform = :platform AND tenant = :tenant")
                .param("platform", platform.name())
                .param("tenant", tenant)
                .query((rs, row) -> new ChannelRef(platform, tenant, rs.getString(1)))
                .optional();
    }

    @Override
    public void set(ChannelRef channel) {
        if (update(channel) > 0) {
            return;
        }
        try {
            jdbc.sql(
                            "INSERT INTO experts_channel (platform, tenant, channel_id, updated_at) VALUES (:platform, :tenant, :channel, :at) "
                                    + "ON CONFLICT DO NOTHING")
                    .param("platform", channel.platform().name())
                    .param("tenant", channel.tenant())
                    .param("channel", channel.channelId())
                    .param("at", DbTime.timestamp(clock.instant()))
                    .update();
        } catch (DuplicateKeyException raceOnH2) {
            // Another replica set it at the same moment; the update below makes this one's win.
        }
        update(channel);
    }

    private int update(ChannelRef channel) {
        return jdbc.sql(
                        "UPDATE experts_channel SET channel_id = :channel, updated_at = :at WHERE platform = :platform AND tenant = :tenant")
                .param("platform", channel.platform().name())
                .param("tenant", channel.tenant())
                .param("channel", channel.channelId())
                .param("at", DbTime.timestamp(clock.instant()))
                .update();
    }
}
