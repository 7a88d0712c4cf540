package com.charterbot.core.charter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names the draft checker looks for in every draft whatever its language, from the charter's
 * {@code watch-list.md}: codenames and unreleased products, customers, competitors, internal
 * domains, and the company's official domains. Names are kept as the draft's words would be cut
 * (folded, split at apostrophes and hyphens); domains lower case, without a leading {@code *.}.
 */
public record WatchList(
        List<List<String>> codenames,
        List<List<String>> customers,
        List<List<String>> competitors,
        List<String> internalDomains,
        List<String> officialDomains) {

    /** The file's name, at the top of a charter folder. */
    public static final String FILE = "watch-list.md";

    /** A charter without a watch-list. */
    public static final WatchList EMPTY = new WatchList(List.of(), List.of(), List.of(), List.of(), List.of());

    /** The most words in one name. */
    static final int MAX_NAME_WORDS = 6;

    public WatchList {
        codenames = copy(codenames);
        customers = copy(customers);
        competitors = copy(competitors);
        internalDomains = List.copyOf(internalDomains);
        officialDomains = List.copyOf(officialDomains);
    }

    private static List<List<String>> copy(List<List<String>> names) {
        return names.stream().map(List::copyOf).toList();
    }

    /** The lists a watch-list file may have, with their headings in English and French. */
    private enum Heading {
        CODENAMES,
        CUSTOMERS,
        COMPETITORS,
        INTERNAL_DOMAINS,
        OFFICIAL_DOMAINS
    }

    private static final Map<String, Heading> HEADINGS = Map.ofEntries(
            Map.entry("codenames", Heading.CODENAMES), Map.entry("noms de code", Heading.CODENAMES),
            Map.entry("unreleased products", Heading.CODENAMES), Map.entry("produits non annonces", Heading.CODENAMES),
            Map.entry("customers", Heading.CUSTOMERS), Map.entry("clients", Heading.CUSTOMERS),
            Map.entry("competitors", Heading.COMPETITORS), Map.entry("concurrents", Heading.COMPETITORS),
            Map.entry("internal domains", Heading.INTERNAL_DOMAINS),
                    Map.entry("domaines internes", Heading.INTERNAL_DOMAINS),
            Map.entry("official domains", Heading.OFFICIAL_DOMAINS),
                    Map.entry("domaines officiels", Heading.OFFICIAL_DOMAINS));

    /** The watch-list of a file, and every problem with it (file and line). */
    record Parsed(WatchList watchList, List<CharterProblem> problems) {}

    /** Reads a {@code watch-list.md}; never throws. */
    static Parsed parse(String name, String text) {
        List<CharterProblem> problems = new ArrayList<>();
        Map<Heading, List<List<String>>> names = new EnumMap<>(Heading.class);
        Map<Heading, List<String>> domains = new EnumMap<>(Heading.class);
        for (Heading heading : Heading.values()) {
            names.put(heading, new ArrayList<>());
            domains.put(heading, new ArrayList<>());
        }
        String[] lines = text.replace("\uFEFF", "")
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .split("\n", -1);
        Heading current = null;
        boolean comment = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (comment || line.startsWith("<!--")) {
                comment = !line.contains("-->");
                continue;
            }
            if (line.isEmpty() || line.startsWith("# ")) {
                continue;
            }
            if (line.startsWith("##")) {
                current = HEADINGS.get(SectionFileParser.normalizeHeading(line.substring(2)));
                if (current == null) {
                    problems.add(
                            new CharterProblem(name, lineNumber, "charter.problem.watch-list-heading", List.of(line)));
                }
                continue;
            }
            if (!line.startsWith("- ") && !line.startsWith("* ")) {
                problems.add(new CharterProblem(
                        name,
                        lineNumber,
                        current == null ? "charter.problem.text-before-heading" : "charter.problem.expected-list-item",
                        List.of()));
                continue;
            }
            if (current == null) {
                problems.add(new CharterProblem(name, lineNumber, "charter.problem.text-before-heading", List.of()));
                continue;
            }
            String entry = line.substring(2).strip();
            if (entry.isEmpty()) {
                problems.add(new CharterProblem(name, lineNumber, "charter.problem.empty-list-item", List.of()));
            } else if (current == Heading.INTERNAL_DOMAINS || current == Heading.OFFICIAL_DOMAINS) {
                String domain = domain(entry);
                if (domain == null) {
                    problems.add(
                            new CharterProblem(name, lineNumber, "charter.problem.watch-list-domain", List.of(entry)));
                } else {
                    domains.get(current).add(domain);
                }
            } else {
                List<String> words = SignalPattern.segments(entry).stream()
                        .filter(w -> !w.contains("*"))
                        .toList();
                if (words.isEmpty()
                        || words.size() > MAX_NAME_WORDS
                        || words.size() == 1 && words.get(0).length() < 2) {
                    problems.add(new CharterProblem(
                            name,
                            lineNumber,
                            "charter.problem.watch-list-name",
                            List.of(entry, Integer.toString(MAX_NAME_WORDS))));
                } else {
                    names.get(current).add(words);
                }
            }
        }
        WatchList watchList = new WatchList(
                names.get(Heading.CODENAMES),
                names.get(Heading.CUSTOMERS),
                names.get(Heading.COMPETITORS),
                domains.get(Heading.INTERNAL_DOMAINS),
                domains.get(Heading.OFFICIAL_DOMAINS));
        return new Parsed(watchList, problems);
    }

    /** A domain as written ({@code intranet.acme.local}, {@code *.corp.acme.com}, a single-label {@code intranet}), or null. */
    private static String domain(String entry) {
        String domain = entry.toLowerCase(Locale.ROOT);
        if (domain.startsWith("*.")) {
            domain = domain.substring(2);
        }
        if (domain.isEmpty()
                || domain.length() > 253
                || domain.startsWith(".")
                || domain.endsWith(".")
                || domain.contains("..")
                || domain.startsWith("-")) {
            return null;
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                return null;
            }
        }
        return domain;
    }

    /** How many names and domains it holds. */
    public int size() {
        return codenames.size()
                + customers.size()
                + competitors.size()
                + internalDomains.size()
                + officialDomains.size();
    }

    @Override
    public String toString() {
        return "WatchList[" + size() + " entries]";
    }
}
