package com.charterbot.core.memory;

import com.charterbot.core.phrasing.Candidate;
import com.charterbot.core.phrasing.PhrasingCandidates;
import com.charterbot.core.values.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PhrasingCandidates} in memory, for tests and the command line. */
public final class InMemoryPhrasingCandidates implements PhrasingCandidates {

    private final Map<Long, Candidate> candidates = new LinkedHashMap<>();
    private long next = 1;

    @Override
    public synchronized void seen(String text, String sectionId, Language language, Instant at) {
        for (Candidate c : candidates.values()) {
            if (c.text().equals(text) && c.sectionId().equals(sectionId) && c.language() == language) {
                candidates.put(
                        c.id(),
                        new Candidate(
                                c.id(),
                                c.text(),
                                c.sectionId(),
                                c.language(),
                                c.count() + 1,
                                c.firstSeen(),
                                at,
                                c.status()));
                return;
            }
        }
        long id = next++;
        candidates.put(id, new Candidate(id, text, sectionId, language, 1, at, at, Candidate.Status.PENDING));
    }

    @Override
    public synchronized List<Candidate> pending(int limit) {
        return candidates.values().stream()
                .filter(c -> c.status() == Candidate.Status.PENDING)
                .sorted(Comparator.comparingInt(Candidate::count)
                        .reversed()
                        .thenComparing(Candidate::lastSeen, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<Candidate> find(long id) {
        return Optional.ofNullable(candidates.get(id));
    }

    @Override
    public synchronized boolean decide(long id, Candidate.Status status, String sectionId, Instant at) {
        Candidate c = candidates.get(id);
        if (c == null || c.status() != Candidate.Status.PENDING) {
            return false;
        }
        candidates.put(
                id,
                new Candidate(id, c.text(), sectionId, c.language(), c.count(), c.firstSeen(), c.lastSeen(), status));
        return true;
    }

    @Override
    public synchronized List<Candidate> approved() {
        return new ArrayList<>(candidates.values().stream()
                .filter(c -> c.status() == Candidate.Status.APPROVED)
                .toList());
    }

    @Override
    public synchronized void exported(List<Long> ids) {
        ids.forEach(candidates::remove);
    }

    @Override
    public synchronized int purgePendingBefore(Instant cutoff) {
        int before = candidates.size();
        candidates
                .values()
                .removeIf(c ->
                        c.status() == Candidate.Status.PENDING && c.lastSeen().isBefore(cutoff));
        return before - candidates.size();
    }
}
