package id.lapor.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A note staff write about a complaint for each other (catatan internal): what was checked, whom
 * to call. Shown on the staff complaint page and in the forms' header; never to the complainant,
 * never in the engine's tables.
 */
@Entity
@Table(name = "internal_note")
class InternalNote {

  static final int MAX_LENGTH = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "complaint_id", nullable = false)
  private long complaintId;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  @Column(nullable = false, length = 100)
  private String author;

  @Column(nullable = false, length = MAX_LENGTH)
  private String text;

  protected InternalNote() {}

  InternalNote(long complaintId, Instant writtenAt, String author, String text) {
    this.complaintId = complaintId;
    this.writtenAt = writtenAt;
    this.author = author;
    this.text = text;
  }

  Instant getWrittenAt() {
    return writtenAt;
  }

  String getAuthor() {
    return author;
  }

  String getText() {
    return text;
  }
}
