package id.lapor.attachments;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of file a complaint may carry, recognised by content. */
enum FileType {
  JPEG("image/jpeg", "jpg", true),
  PNG("image/png", "png", true),
  PDF("application/pdf", "pdf", true),
  /** Videos stay staff-only: their metadata (e.g. a recording location) is not removed. */
  MP4("video/mp4", "mp4", false);

  private final String mediaType;
  private final String extension;
  private final boolean publicPreview;

  FileType(String mediaType, String extension, boolean publicPreview) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.publicPreview = publicPreview;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  public boolean publicPreview() {
    return publicPreview;
  }

  public boolean isImage() {
    return this == JPEG || this == PNG;
  }

  public static Optional<FileType> fromMediaType(String mediaType) {
    return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
  }
}
