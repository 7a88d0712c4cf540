package com.charterbot.core.charter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A charter's {@code example-posts.yaml}: read, checked with file and line, added to the bundled examples. */
class ExamplePostsTest {

    @TempDir
    Path dir;

    @Test
    void readsDraftsRisksAndTopicsIgnoringOtherKeys() {
        ExamplePosts.Parsed parsed = ExamplePosts.parse("example-posts.yaml", """
                - {draft: "The alpha plan leaks tomorrow", lang: en, risk: stop, topics: [alpha], src: "https://example.org"}
                - draft: |
                    Our stand at the fair
                  risk: Clean
                - {draft: "Beta or alpha?", risk: caution, topics: [beta, alpha]}
                """, Set.of("alpha", "beta")::contains);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.examples().posts())
                .containsExactly(
                        new ExamplePosts.Post(
                                "The alpha plan leaks tomorrow", ExamplePosts.Risk.STOP, List.of("alpha")),
                        new ExamplePosts.Post("Our stand at the fair", ExamplePosts.Risk.CLEAN, List.of()),
                        new ExamplePosts.Post("Beta or alpha?", ExamplePosts.Risk.CAUTION, List.of("beta", "alpha")));
    }

    @Test
    void refusesWhatIsNotAnExampleWithTheLineOfEachEntry() {
        TestCharter.writeValid(dir);
        TestCharter.write(
                dir,
                ExamplePosts.FILE,
                String.join(
                        "\n",
                        "- {draft: \"fine\", risk: stop, topics: [alpha]}",
                        "- {draft: \"\", risk: stop, topics: [alpha]}",
                        "- {draft: \"no risk\", topics: [alpha]}",
                        "- {draft: \"maybe\", risk: perhaps, topics: [alpha]}",
                        "- {draft: \"where\", risk: stop, topics: [gamma, alpha, delta]}",
                        "- {draft: \"what about\", risk: caution}",
                        "- just a line",
                        ""));

        assertThat(problems())
                .containsExactly(
                        "example-posts.yaml:2: each post needs a non-empty draft, a risk (stop, caution or clean) and,"
                                + " when given, a list of section ids as topics",
                        "example-posts.yaml:3: each post needs a non-empty draft, a risk (stop, caution or clean) and,"
                                + " when given, a list of section ids as topics",
                        "example-posts.yaml:4: each post needs a non-empty draft, a risk (stop, caution or clean) and,"
                                + " when given, a list of section ids as topics",
                        "example-posts.yaml:5: unknown section ids in topics: gamma, delta",
                        "example-posts.yaml:6: a risky post lists the sections a finding about it should cite (topics)",
                        "example-posts.yaml:7: each post needs a non-empty draft, a risk (stop, caution or clean) and,"
                                + " when given, a list of section ids as topics");
    }

    @Test
    void refusesAFileThatIsNotAYamlList() {
        TestCharter.writeValid(dir);
        TestCharter.write(dir, ExamplePosts.FILE, "draft: alone\nrisk: stop\n");
        assertThat(problems())
                .singleElement()
                .asString()
                .startsWith("example-posts.yaml:1: expected a YAML list of posts");

        TestCharter.write(dir, ExamplePosts.FILE, "- {draft: \"unclosed, risk: stop}\n");
        assertThat(problems()).singleElement().asString().startsWith("example-posts.yaml: not valid YAML: ");
    }

    @Test
    void aCharterOwnExamplesComeAfterTheBundledOnesThatCiteItsSectionsAndChangeItsVersion() {
        TestCharter.writeValid(dir);
        Charter without = ((LoadResult.Loaded) TestCharter.load(dir)).charter();
        TestCharter.write(
                dir, ExamplePosts.FILE, "- {draft: \"Alpha is sold to {{company}}\", risk: stop, topics: [beta]}\n");

        Charter with = ((LoadResult.Loaded) TestCharter.load(dir)).charter();

        assertThat(with.version()).isNotEqualTo(without.version());
        List<ExamplePosts.Post> posts = with.examplePosts().posts();
        assertThat(posts.subList(0, posts.size() - 1))
                .isEqualTo(without.examplePosts().posts());
        assertThat(posts.get(posts.size() - 1))
                .isEqualTo(new ExamplePosts.Post(
                        "Alpha is sold to " + CharterSettings.DEFAULTS.companyName(),
                        ExamplePosts.Risk.STOP,
                        List.of("beta")));
        // The bundled risky examples cite sections this small charter lacks: only its clean ones are left.
        assertThat(without.examplePosts().posts())
                .isNotEmpty()
                .allMatch(post -> post.risk() == ExamplePosts.Risk.CLEAN);
    }

    @Test
    void theBundledExamplesCiteTheBundledSectionsAndNameTheConfiguredCompany() {
        CharterSettings acme = CharterSettings.DEFAULTS;
        Charter charter = ((LoadResult.Loaded) CharterLoader.load(CharterFiles.defaults(), acme)).charter();

        List<ExamplePosts.Post> posts = charter.examplePosts().posts();
        assertThat(posts).hasSize(ExamplePosts.defaults(acme).posts().size());
        assertThat(posts.stream().filter(p -> p.risk() == ExamplePosts.Risk.STOP))
                .hasSizeGreaterThan(100);
        assertThat(posts.stream().filter(p -> p.risk() == ExamplePosts.Risk.CLEAN))
                .hasSizeGreaterThan(100);
        assertThat(posts).noneMatch(p -> p.text().contains("{{company}}"));
        assertThat(posts).anyMatch(p -> p.text().contains(acme.companyName()));
        assertThat(posts.stream().flatMap(p -> p.topics().stream())).allMatch(charter.topicIds()::contains);
    }

    private List<String> problems() {
        LoadResult result = TestCharter.load(dir);
        assertThat(result).isInstanceOf(LoadResult.Rejected.class);
        return ((LoadResult.Rejected) result)
                .problems().stream().map(CharterProblem::toString).toList();
    }
}
