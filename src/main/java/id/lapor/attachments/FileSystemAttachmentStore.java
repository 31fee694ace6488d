package id.lapor.attachments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Attachments as files under {@code lapor.attachments.dir}, spread over 256 subdirectories by key.
 * A file is written under a temporary name and moved into place, so a crash never leaves half a file
 * under a real key.
 */
class FileSystemAttachmentStore implements AttachmentStore {

  private final Path root;

  FileSystemAttachmentStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  private Path pathOf(String key) {
    if (!key.matches("[a-f0-9-]{36}")) {
      throw new IllegalArgumentException("not an attachment key: " + key);
    }
    return root.resolve(key.substring(0, 2)).resolve(key);
  }

  @Override
  public void put(String key, byte[] content) throws IOException {
    Path target = pathOf(key);
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), key, ".part");
    try {
      Files.write(temporary, content);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  @Override
  public byte[] get(String key) throws IOException {
    return Files.readAllBytes(pathOf(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(pathOf(key));
  }

  @Override
  public boolean transactional() {
    return false;
  }
}
