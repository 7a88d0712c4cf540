package com.charterbot.app.persistence;

import com.charterbot.core.tip.TipId;
import com.charterbot.core.tip.TipRotationStore;
import com.charterbot.core.values.ChannelRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link TipRotationStore} in a SQL database: the tips of the current cycle in {@code tip_shown},
 * the last tip of each channel in {@code tip_last}.
 */
public final class JdbcTipRotationStore implements TipRotationStore {

    private static final String CHANNEL = "platform = :platform AND tenant = :tenant AND channel_id = :channel";
    private static final String INSERT_SHOWN = """
            INSERT INTO tip_shown (platform, tenant, channel_id, tip_id)
            SELECT :platform, :tenant, :channel, :tip
            WHERE NOT EXISTS (SELECT 1 FROM tip_shown WHERE %s AND tip_id = :tip)""".formatted(CHANNEL);
    private static final String UPDATE_LAST = "UPDATE tip_last SET tip_id = :tip WHERE " + CHANNEL;
    private static final String INSERT_LAST =
            "INSERT INTO tip_last (platform, tenant, channel_id, tip_id) VALUES (:platform, :tenant, :channel, :tip)";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate nested;

    public JdbcTipRotationStore(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public Set<String> shown(ChannelRef channel) {
        return Set.copyOf(jdbc.sql("SELECT tip_id FROM tip_shown WHERE " + CHANNEL)
                .params(channel(channel))
                .query(String.class)
                .list());
    }

    @Override
    public void markShown(ChannelRef channel, String tipId) {
        Map<String, Object> params = channel(channel);
        TipId.parse(tipId);
        params.put("tip", tipId);
        transaction.executeWithoutResult(status -> {
            try {
                nested.executeWithoutResult(
                        savepoint -> jdbc.sql(INSERT_SHOWN).params(params).update());
            } catch (DuplicateKeyException alreadyShown) {
                // shown in this cycle by a racing twin: nothing to add
            }
            if (jdbc.sql(UPDATE_LAST).params(params).update() == 0) {
                try {
                    nested.executeWithoutResult(
                            savepoint -> jdbc.sql(INSERT_LAST).params(params).update());
                } catch (DuplicateKeyException raced) {
                    jdbc.sql(UPDATE_LAST).params(params).update();
                }
            }
        });
    }

    @Override
    public void reset(ChannelRef channel) {
        jdbc.sql("DELETE FROM tip_shown WHERE " + CHANNEL)
                .params(channel(channel))
                .update();
    }

    @Override
    public Optional<String> last(ChannelRef channel) {
        return jdbc.sql("SELECT tip_id FROM tip_last WHERE " + CHANNEL)
                .params(channel(channel))
                .query(String.class)
                .optional();
    }

    private static Map<String, Object> channel(ChannelRef channel) {
        Objects.requireNonNull(channel, "channel");
        Map<String, Object> params = new HashMap<>();
        params.put("platform", channel.platform().name());
        params.put("tenant", channel.tenant());
        params.put("channel", channel.channelId());
        return params;
    }
}
