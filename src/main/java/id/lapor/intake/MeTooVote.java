package id.lapor.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One person's "saya juga" on one complaint, by pseudonyms of their browser and address. */
@Entity
@Table(name = "me_too_vote")
class MeTooVote {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "complaint_id", nullable = false)
  private long complaintId;

  @Column(name = "voter_key", nullable = false, length = 64)
  private String voterKey;

  @Column(name = "address_key", nullable = false, length = 64)
  private String addressKey;

  @Column(name = "voted_at", nullable = false)
  private Instant votedAt;

  protected MeTooVote() {}

  MeTooVote(long complaintId, String voterKey, String addressKey, Instant votedAt) {
    this.complaintId = complaintId;
    this.voterKey = voterKey;
    this.addressKey = addressKey;
    this.votedAt = votedAt;
  }
}
