package com.charterbot.core.phrasing;

import com.charterbot.core.values.Language;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where suggested phrasings are kept, shared by every replica; the approved ones are the charter's overlay. */
public interface PhrasingCandidates {

    /** Counts one more sighting of this text for this section, adding it as pending the first time. */
    void seen(String text, String sectionId, Language language, Instant at);

    /** The pending candidates, most seen first, then most recently seen. */
    List<Candidate> pending(int limit);

    Optional<Candidate> find(long id);

    /**
     * Approves (for {@code sectionId}, which may differ from the suggested one) or rejects a pending
     * candidate; false, changing nothing, when it is not pending any more.
     */
    boolean decide(long id, Candidate.Status status, String sectionId, Instant at);

    /** Every approved phrasing, oldest first. */
    List<Candidate> approved();

    /** Marks approved phrasings as written into the charter's files: they leave the overlay. */
    void exported(List<Long> ids);

    /** Deletes the pending candidates last seen before the cutoff; how many. */
    int purgePendingBefore(Instant cutoff);
}
