package id.lapor.attachments;

import java.io.IOException;

/** Where attachment bytes live, by an opaque key. */
interface AttachmentStore {

  void put(String key, byte[] content) throws IOException;

  byte[] get(String key) throws IOException;

  void delete(String key) throws IOException;

  /** Whether a write joins the database transaction (else it must be undone when the transaction rolls back). */
  boolean transactional();
}
