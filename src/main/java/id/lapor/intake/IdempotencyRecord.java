package id.lapor.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * A submission made with an {@code Idempotency-Key}: the key (hashed), what was asked (hashed) and
 * what was answered (the follow-up token sealed like personal data), so a retry gets the same answer.
 */
@Entity
@Table(name = "idempotency_record")
class IdempotencyRecord implements Persistable<String> {

  /** Always inserted, never merged: a second record with the same key must fail, not overwrite. */
  @Transient
  private boolean fresh;

  @Id
  @Column(name = "key_hash", length = 64)
  private String keyHash;

  @Column(name = "request_hash", nullable = false, length = 64)
  private String requestHash;

  @Column(name = "tracking_number", nullable = false, length = 20)
  private String trackingNumber;

  @Column(name = "token_sealed", nullable = false, length = 300)
  private String tokenSealed;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected IdempotencyRecord() {}

  IdempotencyRecord(String keyHash, String requestHash, String trackingNumber, String tokenSealed, Instant createdAt) {
    this.keyHash = keyHash;
    this.requestHash = requestHash;
    this.trackingNumber = trackingNumber;
    this.tokenSealed = tokenSealed;
    this.createdAt = createdAt;
    this.fresh = true;
  }

  @Override
  public String getId() {
    return keyHash;
  }

  @Override
  public boolean isNew() {
    return fresh;
  }

  String getRequestHash() {
    return requestHash;
  }

  String getTrackingNumber() {
    return trackingNumber;
  }

  String getTokenSealed() {
    return tokenSealed;
  }
}
