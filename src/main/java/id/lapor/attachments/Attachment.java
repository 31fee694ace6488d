package id.lapor.attachments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One file added to a complaint: what it is and where its bytes are. Never changed after upload. */
@Entity
@Table(name = "attachment")
public class Attachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "complaint_id", nullable = false)
  private long complaintId;

  @Column(name = "file_name", nullable = false, length = 120)
  private String fileName;

  @Column(name = "content_type", nullable = false, length = 60)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "storage_key", nullable = false, length = 80, unique = true)
  private String storageKey;

  @Column(name = "location_removed", nullable = false)
  private boolean locationRemoved;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Column(name = "uploaded_by", nullable = false, length = 100)
  private String uploadedBy;

  /** Added by the OPD to its follow-up (bukti tindak lanjut), not by the complainant. */
  @Column(name = "follow_up_evidence", nullable = false)
  private boolean followUpEvidence;

  protected Attachment() {}

  Attachment(long complaintId, InspectedFile file, String storageKey, Instant uploadedAt, String uploadedBy,
      boolean followUpEvidence) {
    this.followUpEvidence = followUpEvidence;
    this.complaintId = complaintId;
    this.fileName = file.fileName();
    this.contentType = file.type().mediaType();
    this.sizeBytes = file.content().length;
    this.sha256 = file.sha256();
    this.storageKey = storageKey;
    this.locationRemoved = file.locationRemoved();
    this.uploadedAt = uploadedAt;
    this.uploadedBy = uploadedBy;
  }

  public Long getId() {
    return id;
  }

  public long getComplaintId() {
    return complaintId;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  String getStorageKey() {
    return storageKey;
  }

  public boolean isLocationRemoved() {
    return locationRemoved;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  /** Images and PDFs may be shown on the public page of a public complaint; videos may carry a location. */
  public boolean isFollowUpEvidence() {
    return followUpEvidence;
  }

  public boolean isPublicPreviewable() {
    return FileType.fromMediaType(contentType).map(FileType::publicPreview).orElse(false);
  }
}
