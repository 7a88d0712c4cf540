package com.charterbot.core.values;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a shared file is, when it is a picture or a video: what the photo checklist and the draft
 * checker look at. The platforms describe a file by a MIME type, a file type or a file name, one or
 * several of them; every adapter asks here.
 */
public enum Media {
    PICTURE,
    VIDEO;

    private static final Set<String> PICTURE_TYPES =
            Set.of("png", "jpg", "jpeg", "gif", "heic", "heif", "webp", "bmp", "tiff", "tif");
    private static final Set<String> VIDEO_TYPES = Set.of("mp4", "mov", "m4v", "webm", "avi", "mkv", "3gp");

    /**
     * The kind of a file from its MIME type ({@code image/...}, {@code video/...}) or, when that says
     * neither, its file type or name ({@code png}, {@code IMG_0042.HEIC}).
     */
    public static Optional<Media> of(String mediaType, String fileTypeOrName) {
        String mime = mediaType == null ? "" : mediaType.strip().toLowerCase(Locale.ROOT);
        if (mime.startsWith("image/")) {
            return Optional.of(PICTURE);
        }
        if (mime.startsWith("video/")) {
            return Optional.of(VIDEO);
        }
        String name = fileTypeOrName == null ? "" : fileTypeOrName.strip().toLowerCase(Locale.ROOT);
        String type = name.substring(name.lastIndexOf('.') + 1);
        if (PICTURE_TYPES.contains(type)) {
            return Optional.of(PICTURE);
        }
        return VIDEO_TYPES.contains(type) ? Optional.of(VIDEO) : Optional.empty();
    }
}
