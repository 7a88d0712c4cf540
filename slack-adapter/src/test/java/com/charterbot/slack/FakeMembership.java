package com.charterbot.slack;

import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the adapter reports; a join answers with a fixed welcome. */
final class FakeMembership implements ChannelMembership {

    static final String WELCOME = "Welcome text from the core";

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Reply> joined(ChannelRef channel, String name, Optional<Language> language) {
        calls.add("joined " + channel.key() + " name=" + name);
        return Optional.of(Reply.of(
                Language.EN,
                Reply.Delivery.CONVERSATION,
                List.of(new Block.Heading("Hello #" + name), new Block.Text(WELCOME))));
    }

    @Override
    public void left(ChannelRef channel) {
        calls.add("left " + channel.key());
    }

    @Override
    public void archived(ChannelRef channel) {
        calls.add("archived " + channel.key());
    }

    @Override
    public void unarchived(ChannelRef channel) {
        calls.add("unarchived " + channel.key());
    }

    @Override
    public void renamed(ChannelRef channel, String name) {
        calls.add("renamed " + channel.key() + " name=" + name);
    }

    @Override
    public int uninstalled(Platform platform, String tenant) {
        calls.add("uninstalled " + platform + ":" + tenant);
        return 2;
    }
}
