package com.charterbot.core.memory;

import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.activity.UnansweredQuestions;
import com.charterbot.core.values.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link UnansweredQuestions} in memory, for tests and single-process use. Thread-safe. */
public final class InMemoryUnansweredQuestions implements UnansweredQuestions {

    private record Entry(Instant at, Language language, String text, String tenant) {}

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void record(Instant at, Language language, String text, String tenant) {
        String normalized = text.strip();
        if (!normalized.isEmpty()) {
            entries.add(new Entry(
                    at,
                    language,
                    normalized.length() > MAX_TEXT ? normalized.substring(0, MAX_TEXT) : normalized,
                    tenant));
        }
    }

    @Override
    public synchronized List<Frequent> mostFrequent(Instant from, Instant to, int limit, StatsScope scope) {
        Map<String, Frequent> byText = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.at().isBefore(from) || !entry.at().isBefore(to) || !scope.covers(entry.tenant())) {
                continue;
            }
            String key = entry.language().tag() + "\u0000" + entry.text();
            Frequent known = byText.get(key);
            byText.put(
                    key,
                    known == null
                            ? new Frequent(entry.text(), entry.language(), 1, entry.at())
                            : new Frequent(
                                    entry.text(),
                                    entry.language(),
                                    known.count() + 1,
                                    entry.at().isAfter(known.lastAsked()) ? entry.at() : known.lastAsked()));
        }
        return byText.values().stream()
                .sorted(Comparator.comparingInt(Frequent::count)
                        .reversed()
                        .thenComparing(Frequent::lastAsked, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int purgeBefore(Instant cutoff) {
        int before = entries.size();
        entries.removeIf(entry -> entry.at().isBefore(cutoff));
        return before - entries.size();
    }
}
