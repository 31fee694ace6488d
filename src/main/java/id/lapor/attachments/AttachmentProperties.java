package id.lapor.attachments;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code lapor.attachments.*}.
 *
 * @param store {@code filesystem} (default) or {@code database}
 * @param dir the directory of the filesystem store (back it up with the database)
 * @param maxFileSize the largest file accepted
 * @param maxFilesPerUpload files in one submission or supplement
 * @param maxFilesPerComplaint files a complaint may carry in all
 */
@ConfigurationProperties("lapor.attachments")
public record AttachmentProperties(String store, Path dir, DataSize maxFileSize, Integer maxFilesPerUpload,
    Integer maxFilesPerComplaint) {

  public AttachmentProperties {
    store = store == null || store.isBlank() ? "filesystem" : store;
    dir = dir == null ? Path.of("data", "attachments") : dir;
    maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
    maxFilesPerUpload = maxFilesPerUpload == null ? 5 : maxFilesPerUpload;
    maxFilesPerComplaint = maxFilesPerComplaint == null ? 10 : maxFilesPerComplaint;
  }
}
