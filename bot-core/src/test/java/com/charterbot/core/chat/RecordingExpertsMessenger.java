package com.charterbot.core.chat;

import com.charterbot.core.experts.ExpertsMessenger;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link ExpertsMessenger} that keeps what it was asked to send; a test can make the channel or the asker unreachable. */
final class RecordingExpertsMessenger implements ExpertsMessenger {

    record Sent(String kind, String to, String cardId, Reply reply) {}

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger cards = new AtomicInteger();
    volatile boolean channelReachable = true;
    volatile boolean askerReachable = true;

    @Override
    public Posted post(ChannelRef channel, Reply card) {
        if (!channelReachable) {
            return new Posted.Failed("not_in_channel");
        }
        String id = "card-" + cards.incrementAndGet();
        sent.add(new Sent("post", channel.key(), id, card));
        return new Posted.Done(id);
    }

    @Override
    public boolean update(ChannelRef channel, String cardId, Reply card) {
        sent.add(new Sent("update", channel.key(), cardId, card));
        return true;
    }

    @Override
    public boolean tell(UserRef person, ChannelRef sameTenant, Reply message) {
        if (!askerReachable) {
            return false;
        }
        sent.add(new Sent("tell", person.key(), null, message));
        return true;
    }

    List<Sent> of(String kind) {
        return sent.stream().filter(s -> s.kind().equals(kind)).toList();
    }
}
