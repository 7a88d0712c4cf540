package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.helm.Chart.Node;
import com.charterbot.helm.Chart.Rendered;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A company's own charter, given inline or as ConfigMaps, mounted where CHARTER_DIR points. */
class CharterMountTest {

    private static final String PHOTOS_EN = """
            ---
            id: photos-videos
            title: Photos and videos
            ---

            ## Rule
              Indented line, "quotes", {{company}} and a colon: kept as written.
            """;

    private static final String INLINE = """
            charter:
              files:
                en:
                  photos-videos.md: |
                    ---
                    id: photos-videos
                    title: Photos and videos
                    ---

                    ## Rule
                      Indented line, "quotes", {{company}} and a colon: kept as written.
                  media.md: "---\\nid: media\\n---\\n"
                fr:
                  photos-videos.md: "---\\nid: photos-videos\\n---\\n"
                  media.md: "---\\nid: media\\n---\\n"
            """;

    @Test
    void inlineFilesBecomeOneConfigMapWithTheirContentIntact() {
        Rendered chart = Chart.render(INLINE);
        Node configMap = chart.one("ConfigMap").node();

        assertThat(chart.one("ConfigMap").name()).isEqualTo("charter-bot-charter");
        Map<String, Object> data = configMap.map("data");
        assertThat(data).containsOnlyKeys("en.photos-videos.md", "en.media.md", "fr.photos-videos.md", "fr.media.md");
        assertThat(data.get("en.photos-videos.md")).isEqualTo(PHOTOS_EN);
    }

    @Test
    void inlineFilesAreMountedAsEnAndFrFoldersAtCharterDir() {
        Rendered chart = Chart.render(INLINE);
        Node volume = volume(chart, "charter");
        Node mount = mount(chart, "charter");

        assertThat(chart.env("CHARTER_DIR").string("value")).isEqualTo("/etc/charter-bot/charter");
        assertThat(mount.string("mountPath")).isEqualTo("/etc/charter-bot/charter");
        assertThat(mount.string("readOnly")).isEqualTo("true");
        assertThat(volume.string("configMap.name")).isEqualTo("charter-bot-charter");
        assertThat(volume.list("configMap.items"))
                .extracting(i -> i.string("key") + " -> " + i.string("path"))
                .containsExactlyInAnyOrder(
                        "en.media.md -> en/media.md",
                        "en.photos-videos.md -> en/photos-videos.md",
                        "fr.media.md -> fr/media.md",
                        "fr.photos-videos.md -> fr/photos-videos.md");
    }

    @Test
    void charterIsMountedWholeSoThatChangesReachRunningPods() {
        Rendered chart = Chart.render(INLINE);

        // A subPath mount never sees ConfigMap updates; a checksum annotation would restart the pods
        // instead of letting the bot reload the charter (and keep the old one if the new is invalid).
        assertThat(mount(chart, "charter").exists("subPath")).isFalse();
        assertThat(chart.deployment().text()).doesNotContain("checksum/");
    }

    @Test
    void existingConfigMapsAreMountedAsTheLanguageFolders() {
        Rendered chart = Chart.render("""
                charter:
                  mountPath: /srv/charter
                  existingConfigMap: {en: acme-en, fr: acme-fr}
                """);

        assertThat(chart.has("ConfigMap")).isFalse();
        assertThat(chart.env("CHARTER_DIR").string("value")).isEqualTo("/srv/charter");
        assertThat(mount(chart, "charter-en").string("mountPath")).isEqualTo("/srv/charter/en");
        assertThat(mount(chart, "charter-fr").string("mountPath")).isEqualTo("/srv/charter/fr");
        assertThat(volume(chart, "charter-en").string("configMap.name")).isEqualTo("acme-en");
        assertThat(volume(chart, "charter-fr").string("configMap.name")).isEqualTo("acme-fr");
    }

    @Test
    void inlineRootFilesGoNextToTheLanguageFolders() {
        Rendered chart = Chart.render(INLINE, """
                charter:
                  files:
                    root:
                      watch-list.md: "## Codenames\\n- Blue Heron\\n"
                      vocabulary.md: "## Same meaning\\n- badge, access card\\n"
                """);

        assertThat(chart.one("ConfigMap").node().map("data"))
                .containsEntry("root.watch-list.md", "## Codenames\n- Blue Heron\n")
                .containsKey("root.vocabulary.md")
                .containsKey("en.media.md");
        assertThat(volume(chart, "charter").list("configMap.items"))
                .extracting(i -> i.string("key") + " -> " + i.string("path"))
                .contains(
                        "root.watch-list.md -> watch-list.md",
                        "root.vocabulary.md -> vocabulary.md",
                        "en.media.md -> en/media.md");
    }

    @Test
    void aWatchListAloneIsMountedAtCharterDirAndKeepsTheBundledSections() {
        Rendered chart = Chart.render("""
                charter:
                  files:
                    root:
                      watch-list.md: "## Codenames\\n- Blue Heron\\n"
                """);

        assertThat(chart.env("CHARTER_DIR").string("value")).isEqualTo("/etc/charter-bot/charter");
        assertThat(chart.one("ConfigMap").node().map("data")).containsOnlyKeys("root.watch-list.md");
        assertThat(volume(chart, "charter").list("configMap.items"))
                .extracting(i -> i.string("key") + " -> " + i.string("path"))
                .containsExactly("root.watch-list.md -> watch-list.md");
    }

    @Test
    void anExistingRootConfigMapHoldsTheLanguageFoldersMountedInsideIt() {
        Rendered chart = Chart.render("""
                charter:
                  mountPath: /srv/charter
                  existingConfigMap: {en: acme-en, fr: acme-fr, root: acme-root}
                """);

        assertThat(mount(chart, "charter-root").string("mountPath")).isEqualTo("/srv/charter");
        assertThat(volume(chart, "charter-root").string("configMap.name")).isEqualTo("acme-root");
        assertThat(mount(chart, "charter-en").string("mountPath")).isEqualTo("/srv/charter/en");
        assertThat(Chart.render("charter: {existingConfigMap: {root: acme-root}}")
                        .container()
                        .list("volumeMounts"))
                .extracting(m -> m.string("name"))
                .contains("charter-root")
                .doesNotContain("charter-en", "charter-fr");
    }

    @Test
    void refusesARootFileTheBotDoesNotRead() {
        assertThat(Chart.renderingFailure("charter: {files: {root: {'application.yaml': x}}}"))
                .contains("charter.files.root");
    }

    @Test
    void refusesACharterInOneLanguageOnly() {
        assertThat(Chart.renderingFailure("charter: {existingConfigMap: {en: acme-en}}"))
                .contains("charter.existingConfigMap needs both en and fr");
        assertThat(Chart.renderingFailure("charter: {files: {en: {a.md: x}}}"))
                .contains("charter.files needs both en and fr");
    }

    @Test
    void refusesTwoChartersAtOnce() {
        assertThat(Chart.renderingFailure(INLINE, "charter: {existingConfigMap: {en: acme-en, fr: acme-fr}}"))
                .contains("charter.files and charter.existingConfigMap are exclusive");
    }

    @Test
    void refusesFileNamesThatAreNotMarkdownFiles() {
        assertThat(Chart.renderingFailure("charter: {files: {en: {'../evil.sh': x}, fr: {a.md: x}}}"))
                .contains("charter.files.en");
    }

    private static Node mount(Rendered chart, String name) {
        List<Node> mounts = chart.container().list("volumeMounts").stream()
                .filter(m -> name.equals(m.string("name")))
                .toList();
        assertThat(mounts).as("mount " + name).hasSize(1);
        return mounts.get(0);
    }

    private static Node volume(Rendered chart, String name) {
        List<Node> volumes = chart.podSpec().list("volumes").stream()
                .filter(v -> name.equals(v.string("name")))
                .toList();
        assertThat(volumes).as("volume " + name).hasSize(1);
        return volumes.get(0);
    }
}
