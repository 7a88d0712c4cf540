package com.charterbot.core.tip;

import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;

/** Shows a channel its next charter tip: by a scheduled nudge, a command or the "another tip" button. */
public interface ShowTip {

    /**
     * The next tip for this channel, in this language, recorded as shown.
     *
     * @param delivery {@code CONVERSATION} for a nudge, {@code REPLACE_ORIGINAL} or {@code PRIVATE} for a click
     */
    Reply next(ChannelRef channel, Language language, Reply.Delivery delivery);
}
