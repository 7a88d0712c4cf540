package com.charterbot.core.chat;

import com.charterbot.core.experts.ExpertsDesk;
import com.charterbot.core.phrasing.PhrasingReview;
import java.util.Objects;
import java.util.Optional;

/**
 * What the communications team runs behind the conversation, where it does.
 *
 * @param experts sends people's questions to the team; empty where nobody can receive them (the command line)
 * @param phrasings learns phrasings from the sections people choose; empty where nobody reviews them
 */
public record CommunicationsTeam(Optional<ExpertsDesk> experts, Optional<PhrasingReview> phrasings) {

    /** No team behind the bot: no questions sent on, no phrasings learned. */
    public static final CommunicationsTeam NONE = new CommunicationsTeam(Optional.empty(), Optional.empty());

    public CommunicationsTeam {
        Objects.requireNonNull(experts, "experts");
        Objects.requireNonNull(phrasings, "phrasings");
    }
}
