package com.charterbot.core.experts;

import com.charterbot.core.people.PersonalData;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where questions sent to the communications team are kept, shared by every replica. Closing is
 * atomic: of two experts answering the same question at once, exactly one succeeds.
 * {@link #forget} erases the asker's open questions (their text and who asked), leaving them
 * {@link ExpertQuestion.Status#FORGOTTEN}.
 */
public interface ExpertQuestions extends PersonalData {

    void add(ExpertQuestion question);

    Optional<ExpertQuestion> find(String id);

    /** Records where the question's card was posted. */
    void posted(String id, ChannelRef channel, String cardId);

    /**
     * Closes an open question as answered or declined by {@code by}; false, changing nothing, when it
     * is not open any more. The asker and text stay until {@link #erase}, so that the answer can
     * still be delivered, or the question {@link #reopen reopened} when it could not be.
     */
    boolean close(String id, ExpertQuestion.Status status, String by, Instant at);

    /** Opens again a question closed by {@link #close} whose answer could not be delivered. */
    void reopen(String id);

    /** Erases the asker and the text of a closed question. */
    void erase(String id);

    /** Erases the asker's open questions; see the interface's summary. */
    @Override
    void forget(UserRef asker);

    /** The questions asked in [from, to), any status. */
    List<ExpertQuestion> askedBetween(Instant from, Instant to);

    /** Open questions asked before the cutoff that were never reminded of. */
    List<ExpertQuestion> dueForReminder(Instant askedBefore);

    /** Records that the experts were reminded of the question. */
    void reminded(String id, Instant at);

    /** Deletes every question asked before the cutoff, whatever its status; how many. */
    int purgeBefore(Instant cutoff);
}
