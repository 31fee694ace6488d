package id.lapor.attachments;

import java.time.Instant;

/** An attachment as APIs list it, with the address that serves it. */
public record AttachmentView(long id, String fileName, String contentType, long sizeBytes, String sha256,
    Instant uploadedAt, String url) {

  public static AttachmentView of(Attachment a, String url) {
    return new AttachmentView(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getSha256(),
        a.getUploadedAt(), url);
  }
}
