package com.charterbot.core.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTest {

    @Test
    void theMimeTypeDecidesFirst() {
        assertThat(Media.of("image/jpeg", null)).contains(Media.PICTURE);
        assertThat(Media.of("Video/MP4", "notes.txt")).contains(Media.VIDEO);
    }

    @Test
    void elseTheFileTypeOrTheFileNamesExtension() {
        assertThat(Media.of("application/vnd.microsoft.teams.file.download.info", "heic"))
                .contains(Media.PICTURE);
        assertThat(Media.of(null, "IMG_0042.HEIC")).contains(Media.PICTURE);
        assertThat(Media.of("", "clip.mkv")).contains(Media.VIDEO);
        assertThat(Media.of("application/pdf", "charter.pdf")).isEmpty();
        assertThat(Media.of(null, null)).isEmpty();
        assertThat(Media.of(null, "png.txt")).isEmpty();
    }
}
