package com.charterbot.core.memory;

import com.charterbot.core.experts.ExpertQuestion;
import com.charterbot.core.experts.ExpertQuestions;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ExpertQuestions} in memory, for tests and the command line. */
public final class InMemoryExpertQuestions implements ExpertQuestions {

    private final Map<String, ExpertQuestion> questions = new LinkedHashMap<>();

    @Override
    public synchronized void add(ExpertQuestion question) {
        if (questions.putIfAbsent(question.id(), question) != null) {
            throw new IllegalArgumentException("a question with this id exists");
        }
    }

    @Override
    public synchronized Optional<ExpertQuestion> find(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    @Override
    public synchronized void posted(String id, ChannelRef channel, String cardId) {
        questions.computeIfPresent(id, (key, q) -> q.posted(channel, cardId));
    }

    @Override
    public synchronized boolean close(String id, ExpertQuestion.Status status, String by, Instant at) {
        ExpertQuestion q = questions.get(id);
        if (q == null || !q.open()) {
            return false;
        }
        questions.put(
                id,
                new ExpertQuestion(
                        q.id(),
                        q.tenant(),
                        q.asker(),
                        q.askerName(),
                        q.text(),
                        q.language(),
                        q.sections(),
                        q.askedAt(),
                        status,
                        q.channel(),
                        q.cardId(),
                        at,
                        by,
                        q.remindedAt()));
        return true;
    }

    @Override
    public synchronized void reopen(String id) {
        questions.computeIfPresent(
                id,
                (key, q) -> q.asker() == null
                        ? q
                        : new ExpertQuestion(
                                q.id(),
                                q.tenant(),
                                q.asker(),
                                q.askerName(),
                                q.text(),
                                q.language(),
                                q.sections(),
                                q.askedAt(),
                                ExpertQuestion.Status.OPEN,
                                q.channel(),
                                q.cardId(),
                                null,
                                "",
                                q.remindedAt()));
    }

    @Override
    public synchronized void erase(String id) {
        questions.computeIfPresent(id, (key, q) -> q.open() ? q : erased(q, q.status(), q.closedAt()));
    }

    @Override
    public synchronized void forget(UserRef asker) {
        questions.replaceAll((id, q) ->
                q.open() && asker.equals(q.asker()) ? erased(q, ExpertQuestion.Status.FORGOTTEN, q.askedAt()) : q);
    }

    private static ExpertQuestion erased(ExpertQuestion q, ExpertQuestion.Status status, Instant closedAt) {
        return new ExpertQuestion(
                q.id(),
                q.tenant(),
                null,
                "",
                null,
                q.language(),
                q.sections(),
                q.askedAt(),
                status,
                q.channel(),
                q.cardId(),
                closedAt,
                q.closedBy(),
                q.remindedAt());
    }

    @Override
    public synchronized List<ExpertQuestion> askedBetween(Instant from, Instant to) {
        return questions.values().stream()
                .filter(q -> !q.askedAt().isBefore(from) && q.askedAt().isBefore(to))
                .toList();
    }

    @Override
    public synchronized List<ExpertQuestion> dueForReminder(Instant askedBefore) {
        return questions.values().stream()
                .filter(q -> q.open() && q.remindedAt() == null && q.askedAt().isBefore(askedBefore))
                .toList();
    }

    @Override
    public synchronized void reminded(String id, Instant at) {
        questions.computeIfPresent(
                id,
                (key, q) -> new ExpertQuestion(
                        q.id(),
                        q.tenant(),
                        q.asker(),
                        q.askerName(),
                        q.text(),
                        q.language(),
                        q.sections(),
                        q.askedAt(),
                        q.status(),
                        q.channel(),
                        q.cardId(),
                        q.closedAt(),
                        q.closedBy(),
                        at));
    }

    @Override
    public synchronized int purgeBefore(Instant cutoff) {
        int before = questions.size();
        questions.values().removeIf(q -> q.askedAt().isBefore(cutoff));
        return before - questions.size();
    }
}
