package id.lapor.attachments;

import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A complaint's files. They are stored within the caller's transaction: if the complaint (or its
 * supplement) is not stored, neither are its files — the filesystem copies are deleted when the
 * transaction rolls back. Every read checks the SHA-256 taken at upload.
 */
@Service
public class Attachments {

  private static final Logger log = LoggerFactory.getLogger(Attachments.class);

  private final AttachmentRecords records;
  private final AttachmentProperties properties;
  private final AttachmentStore store;
  private final Clock clock;

  Attachments(AttachmentRecords records, AttachmentStore store, Clock clock, AttachmentProperties properties) {
    this.properties = properties;
    this.records = records;
    this.store = store;
    this.clock = clock;
  }

  /**
   * Stores inspected files for a complaint, as part of the caller's transaction, if the complaint can
   * carry them: the caller holds the complaint's lock, so that files stored at the same time are counted
   * against the per-complaint limit one after the other.
   *
   * @throws InvalidRequestException when the complaint would carry more files than allowed
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Attachment> store(long complaintId, List<InspectedFile> files, String uploadedBy) {
    return store(complaintId, files, uploadedBy, false);
  }

  /**
   * Stores an OPD's evidence for its follow-up (the same inspection, the same limit counted apart
   * from the complainant's files), in the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Attachment> storeFollowUpEvidence(long complaintId, List<InspectedFile> files, String uploadedBy) {
    return store(complaintId, files, uploadedBy, true);
  }

  /** How many of its own files the complaint carries (the complainant's, or the OPD's evidence). */
  @Transactional(readOnly = true)
  public int countOf(long complaintId, boolean followUpEvidence) {
    return (int) records.countByComplaintIdAndFollowUpEvidence(complaintId, followUpEvidence);
  }

  private List<Attachment> store(long complaintId, List<InspectedFile> files, String uploadedBy, boolean evidence) {
    if (!files.isEmpty()) {
      long already = records.countByComplaintIdAndFollowUpEvidence(complaintId, evidence);
      if (already + files.size() > properties.maxFilesPerComplaint()) {
        throw new InvalidRequestException(List.of(new FieldProblem("attachments", "a complaint carries at most "
            + properties.maxFilesPerComplaint() + " files (it has " + already + ")")));
      }
    }
    List<Attachment> stored = new ArrayList<>();
    List<String> written = new ArrayList<>();
    if (!store.transactional() && !files.isEmpty()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            written.forEach(Attachments.this::deleteQuietly);
          }
        }
      });
    }
    for (InspectedFile file : files) {
      String key = UUID.randomUUID().toString();
      try {
        store.put(key, file.content());
      } catch (IOException e) {
        throw new UncheckedIOException("attachment store: " + e.getMessage(), e);
      }
      written.add(key);
      stored.add(records.save(new Attachment(complaintId, file, key, clock.instant(), uploadedBy, evidence)));
    }
    return stored;
  }

  @Transactional(readOnly = true)
  public List<Attachment> of(long complaintId) {
    return records.findByComplaintIdOrderById(complaintId);
  }

  @Transactional(readOnly = true)
  public int countOf(long complaintId) {
    return (int) records.countByComplaintId(complaintId);
  }

  @Transactional(readOnly = true)
  public Optional<Attachment> find(long complaintId, long attachmentId) {
    return records.findById(attachmentId).filter(a -> a.getComplaintId() == complaintId);
  }

  /** The file's bytes, checked against the checksum taken at upload. */
  public byte[] content(Attachment attachment) {
    byte[] content;
    try {
      content = store.get(attachment.getStorageKey());
    } catch (IOException e) {
      throw new UncheckedIOException("attachment " + attachment.getId() + " is missing from the store", e);
    }
    if (!AttachmentInspector.sha256(content).equals(attachment.getSha256())) {
      throw new IllegalStateException("attachment " + attachment.getId() + " does not match its checksum");
    }
    return content;
  }

  /**
   * The file as an HTTP answer: its checked type, {@code nosniff}, a sandbox so a PDF or image can
   * run nothing in the site's origin, and a download or inline disposition with its safe name.
   */
  public ResponseEntity<byte[]> response(Attachment attachment, boolean inline) {
    byte[] content = content(attachment);
    ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(attachment.getFileName()).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(attachment.getContentType()))
        .contentLength(content.length)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'")
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
        .eTag("\"" + attachment.getSha256() + "\"")
        .body(content);
  }

  private void deleteQuietly(String key) {
    try {
      store.delete(key);
    } catch (IOException | RuntimeException e) {
      log.warn("Could not remove attachment {} of a rolled-back upload: {}", key, e.getMessage());
    }
  }
}
