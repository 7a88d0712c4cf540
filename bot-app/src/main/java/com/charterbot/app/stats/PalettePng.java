package com.charterbot.app.stats;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a palette image ({@link BufferedImage#TYPE_BYTE_INDEXED}, up to 256 colours) as a PNG, every
 * row with filter type None, as the PNG specification recommends for palette images.
 *
 * <p>Why not {@code ImageIO}: the JDK's PNG writer tries every row filter on every row to pick one,
 * which a palette image gains nothing from, and offers no option to skip it. For the statistics'
 * sheet that choice took three quarters of the drawing's time; without it, at deflate level
 * {@value #LEVEL}, the file is as small and five times faster to make (docs/measurements.md). Only the
 * four chunks a viewer needs are written: IHDR, PLTE, IDAT, IEND.
 */
final class PalettePng {

    /** The deflate level: as small a file as ImageIO's default for the statistics' sheet. */
    static final int LEVEL = 3;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int PALETTE_COLOUR_TYPE = 3;

    private PalettePng() {}

    /**
     * The image as a PNG of 4 bits per pixel (16 colours or fewer) or 8.
     *
     * @throws IllegalArgumentException when the image is not one byte per pixel with a colour palette
     */
    static byte[] write(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_BYTE_INDEXED
                || !(image.getColorModel() instanceof IndexColorModel palette)) {
            throw new IllegalArgumentException(
                    "a palette image of one byte per pixel is needed, not type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int bits = palette.getMapSize() <= 16 ? 4 : 8;
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(png);
            out.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream fields = new DataOutputStream(header);
            fields.writeInt(width);
            fields.writeInt(height);
            fields.writeByte(bits);
            fields.writeByte(PALETTE_COLOUR_TYPE);
            fields.writeByte(0); // deflate
            fields.writeByte(0); // adaptive filtering, each row saying its filter
            fields.writeByte(0); // not interlaced
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "PLTE", colours(palette));
            chunk(out, "IDAT", rows(image.getRaster(), width, height, bits));
            chunk(out, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    private static byte[] colours(IndexColorModel palette) {
        byte[] rgb = new byte[3 * palette.getMapSize()];
        for (int i = 0; i < palette.getMapSize(); i++) {
            rgb[3 * i] = (byte) palette.getRed(i);
            rgb[3 * i + 1] = (byte) palette.getGreen(i);
            rgb[3 * i + 2] = (byte) palette.getBlue(i);
        }
        return rgb;
    }

    /** Every row, its filter byte (0, None) first, with two pixels per byte at 4 bits, high half first. */
    private static byte[] rows(WritableRaster raster, int width, int height, int bits) throws IOException {
        byte[] pixels = new byte[width];
        byte[] row = new byte[1 + (bits == 4 ? (width + 1) / 2 : width)];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(LEVEL);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            for (int y = 0; y < height; y++) {
                raster.getDataElements(0, y, width, 1, pixels);
                if (bits == 8) {
                    System.arraycopy(pixels, 0, row, 1, width);
                } else {
                    Arrays.fill(row, (byte) 0);
                    for (int x = 0; x < width; x++) {
                        int index = pixels[x] & 0x0F;
                        row[1 + x / 2] |= (byte) ((x & 1) == 0 ? index << 4 : index);
                    }
                }
                out.write(row);
            }
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
