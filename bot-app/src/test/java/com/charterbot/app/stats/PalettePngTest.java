package com.charterbot.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Palette PNGs read back by the JDK's own decoder pixel for pixel. */
class PalettePngTest {

    @ParameterizedTest
    @CsvSource({"16, 800, 560", "16, 7, 3", "16, 1, 1", "5, 33, 9", "256, 31, 17", "200, 2, 40"})
    void readsBackPixelForPixel(int colours, int width, int height) throws IOException {
        IndexColorModel palette = palette(colours, new Random(colours));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Runs and noise, every colour of the palette used.
                int index = random.nextInt(4) == 0 ? random.nextInt(colours) : (x / 7 + y) % colours;
                image.getRaster().setSample(x, y, 0, index);
            }
        }

        byte[] png = PalettePng.write(image);

        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(read.getWidth()).isEqualTo(width);
        assertThat(read.getHeight()).isEqualTo(height);
        assertThat(read.getColorModel()).isInstanceOf(IndexColorModel.class);
        assertThat(read.getColorModel().getPixelSize()).isEqualTo(colours <= 16 ? 4 : 8);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertThat(read.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(image.getRGB(x, y));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "5"})
    void refusesImagesWithoutAPalette(int type) {
        BufferedImage image = new BufferedImage(4, 4, type);

        assertThatThrownBy(() -> PalettePng.write(image))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("palette");
    }

    private static IndexColorModel palette(int colours, Random random) {
        byte[] r = new byte[colours];
        byte[] g = new byte[colours];
        byte[] b = new byte[colours];
        random.nextBytes(r);
        random.nextBytes(g);
        random.nextBytes(b);
        // Distinct colours, so that equal RGB means equal index.
        for (int i = 0; i < colours; i++) {
            r[i] = (byte) i;
        }
        return new IndexColorModel(colours <= 16 ? 4 : 8, colours, r, g, b);
    }
}
