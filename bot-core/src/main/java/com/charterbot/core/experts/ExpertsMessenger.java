package com.charterbot.core.experts;

import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.util.Objects;

/**
 * Sends what the experts' desk says outside the conversation it was asked in: the card in the
 * experts' channel, its update once answered, the answer to the asker. The platform adapters
 * implement it; never throws.
 */
public interface ExpertsMessenger {

    /** What came of posting a card. */
    sealed interface Posted {
        /** @param cardId the platform's id of the message, to update it later */
        record Done(String cardId) implements Posted {
            public Done {
                Objects.requireNonNull(cardId, "cardId");
            }
        }

        /** @param reason why, for the log: the bot was removed from the channel, the platform is down... */
        record Failed(String reason) implements Posted {
            public Failed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** Posts a card into a channel. */
    Posted post(ChannelRef channel, Reply card);

    /** Replaces a posted card; false when the platform refused. */
    boolean update(ChannelRef channel, String cardId, Reply card);

    /**
     * Sends a message to one person privately (a Slack DM from the bot, a Teams personal chat); false when it could not.
     *
     * @param sameTenant a conversation of the person's workspace or tenant the bot is in (the experts' channel), through
     *     which a platform that needs one opens the personal chat (Teams' service URL)
     */
    boolean tell(UserRef person, ChannelRef sameTenant, Reply message);

    /** For a bot on no platform (the command line): nothing is ever sent. */
    ExpertsMessenger NONE = new ExpertsMessenger() {
        @Override
        public Posted post(ChannelRef channel, Reply card) {
            return new Posted.Failed("no platform");
        }

        @Override
        public boolean update(ChannelRef channel, String cardId, Reply card) {
            return false;
        }

        @Override
        public boolean tell(UserRef person, ChannelRef sameTenant, Reply message) {
            return false;
        }
    };
}
