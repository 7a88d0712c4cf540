package com.charterbot.core.charter;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Posts labelled with their risk and the sections a finding about them should cite, which the draft
 * checker learns from besides the sections' signals: a draft worded like the risky posts and unlike
 * the clean ones is risky even when no signal names its words. The bot ships a default set; a
 * charter's own {@code example-posts.yaml} adds to it, in the format {@code check-eval} reads.
 *
 * <p>A charter's examples are put together when first read ({@link #whenRead}): only the draft
 * checker needs them, so loading a charter does not pay for reading the default ones.
 */
public final class ExamplePosts {

    /** Where the default examples are on the classpath. */
    public static final String DEFAULT_RESOURCE = "charter/example-posts.yaml";

    /** The name of a charter's own examples file, at the root of its folder. */
    public static final String FILE = "example-posts.yaml";

    /** The placeholder the default examples use for the company's name. */
    private static final String COMPANY = "{{company}}";

    public static final ExamplePosts EMPTY = new ExamplePosts(List.of());

    /** How risky a post is, as {@code check-eval}'s labels say. */
    public enum Risk {
        STOP,
        CAUTION,
        CLEAN
    }

    /**
     * @param topics the ids of the sections a finding about the post may cite; none for a clean post
     */
    public record Post(String text, Risk risk, List<String> topics) {

        public Post {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(risk, "risk");
            topics = List.copyOf(topics);
        }
    }

    /** Where the posts come from until they are first read; null once they are. */
    private Supplier<List<Post>> source;

    private volatile List<Post> posts;

    public ExamplePosts(List<Post> posts) {
        this.posts = List.copyOf(posts);
    }

    private ExamplePosts(Supplier<List<Post>> source) {
        this.source = source;
    }

    /** Examples that {@code build} puts together the first time they are read, once. */
    public static ExamplePosts whenRead(Supplier<ExamplePosts> build) {
        Objects.requireNonNull(build, "build");
        return new ExamplePosts(() -> build.get().posts());
    }

    /** The examples, the default ones first. */
    public List<Post> posts() {
        List<Post> read = posts;
        if (read == null) {
            synchronized (this) {
                if (posts == null) {
                    posts = List.copyOf(source.get());
                    source = null;
                }
                read = posts;
            }
        }
        return read;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExamplePosts examples && posts().equals(examples.posts());
    }

    @Override
    public int hashCode() {
        return posts().hashCode();
    }

    @Override
    public String toString() {
        return "ExamplePosts" + posts();
    }

    /** The examples that ship with the bot, with the company's name filled in. */
    public static ExamplePosts defaults(CharterSettings settings) {
        return Default.POSTS.naming(settings);
    }

    /** These examples with {@code {{company}}} replaced by the company's name. */
    public ExamplePosts naming(CharterSettings settings) {
        List<Post> named = new ArrayList<>();
        for (Post post : posts()) {
            named.add(new Post(post.text().replace(COMPANY, settings.companyName()), post.risk(), post.topics()));
        }
        return new ExamplePosts(named);
    }

    /** These examples but those whose text is one of these (stripped of surrounding blanks). */
    public ExamplePosts without(Set<String> texts) {
        Set<String> left = new HashSet<>();
        texts.forEach(text -> left.add(text.strip()));
        return new ExamplePosts(
                posts().stream().filter(post -> !left.contains(post.text())).toList());
    }

    /** These examples and then another's. */
    public ExamplePosts plus(ExamplePosts other) {
        List<Post> all = new ArrayList<>(posts());
        all.addAll(other.posts());
        return new ExamplePosts(all);
    }

    /**
     * These examples citing only sections of a charter: a topic it lacks is dropped (a post keeps its
     * risk, which does not depend on how the charter is cut), and so is a risky post left with none.
     */
    public ExamplePosts citing(Set<String> sectionIds) {
        List<Post> kept = new ArrayList<>();
        for (Post post : posts()) {
            List<String> topics =
                    post.topics().stream().filter(sectionIds::contains).toList();
            if (post.risk() == Risk.CLEAN || !topics.isEmpty()) {
                kept.add(new Post(post.text(), post.risk(), topics));
            }
        }
        return new ExamplePosts(kept);
    }

    /** The examples of a file and what is wrong in it, by line. */
    public record Parsed(ExamplePosts examples, List<CharterProblem> problems) {}

    /**
     * Reads a YAML list of {@code {draft: "...", risk: stop|caution|clean, topics: [ids]}} (other keys,
     * such as {@code lang} and {@code src}, are ignored); a topic that is not a section is
     * a problem at its entry's line.
     */
    public static Parsed parse(String file, String text, Predicate<String> isSection) {
        List<CharterProblem> problems = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (YAMLException e) {
            problems.add(new CharterProblem(file, 0, "charter.problem.examples-yaml", List.of(firstLine(e))));
            return new Parsed(EMPTY, problems);
        }
        if (root == null) {
            return new Parsed(EMPTY, problems);
        }
        if (!(root instanceof SequenceNode list)) {
            problems.add(new CharterProblem(file, line(root), "charter.problem.examples-not-list", List.of()));
            return new Parsed(EMPTY, problems);
        }
        List<Post> posts = new ArrayList<>();
        for (Node entry : list.getValue()) {
            int line = line(entry);
            if (!(entry instanceof MappingNode mapping)) {
                problems.add(new CharterProblem(file, line, "charter.problem.examples-entry", List.of()));
                continue;
            }
            String draft = null;
            String risk = null;
            List<String> topics = new ArrayList<>();
            boolean malformed = false;
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
                Node value = tuple.getValueNode();
                switch (key) {
                    case "draft" -> draft = value instanceof ScalarNode scalar ? scalar.getValue() : null;
                    case "risk" -> risk = value instanceof ScalarNode scalar ? scalar.getValue() : null;
                    case "topics" -> {
                        if (value instanceof SequenceNode ids) {
                            for (Node id : ids.getValue()) {
                                if (id instanceof ScalarNode scalar) {
                                    topics.add(scalar.getValue().strip());
                                } else {
                                    malformed = true;
                                }
                            }
                        } else {
                            malformed = true;
                        }
                    }
                    default -> {}
                }
            }
            Risk level = risk == null ? null : riskOf(risk);
            if (malformed || draft == null || draft.isBlank() || level == null) {
                problems.add(new CharterProblem(file, line, "charter.problem.examples-entry", List.of()));
                continue;
            }
            List<String> unknown = topics.stream().filter(isSection.negate()).toList();
            if (!unknown.isEmpty()) {
                problems.add(new CharterProblem(
                        file, line, "charter.problem.examples-topic", List.of(String.join(", ", unknown))));
                continue;
            }
            if (level != Risk.CLEAN && topics.isEmpty()) {
                problems.add(new CharterProblem(file, line, "charter.problem.examples-no-topic", List.of()));
                continue;
            }
            posts.add(new Post(draft.strip(), level, level == Risk.CLEAN ? List.of() : topics));
        }
        return new Parsed(new ExamplePosts(posts), problems);
    }

    private static Risk riskOf(String label) {
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "stop" -> Risk.STOP;
            case "caution" -> Risk.CAUTION;
            case "clean" -> Risk.CLEAN;
            default -> null;
        };
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String firstLine(YAMLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static final class Default {
        static final ExamplePosts POSTS = load();

        private static ExamplePosts load() {
            try (InputStream in = ExamplePosts.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the default example posts " + DEFAULT_RESOURCE + " are missing");
                }
                // Their topics are checked against each charter's sections when it loads (see citing).
                Parsed parsed =
                        parse(DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8), id -> true);
                if (!parsed.problems().isEmpty()) {
                    throw new IllegalStateException("the default example posts are invalid: " + parsed.problems());
                }
                return parsed.examples();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
            }
        }
    }
}
