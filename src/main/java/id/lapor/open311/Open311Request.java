package id.lapor.open311;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A request an integrating app posted: its token, the complaint it became, the key that posted it. */
@Entity
@Table(name = "open311_request")
class Open311Request {

  @Id
  @Column(length = 36)
  private String token;

  @Column(name = "tracking_number", nullable = false, length = 20)
  private String trackingNumber;

  @Column(name = "api_key_id", nullable = false)
  private long apiKeyId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Open311Request() {}

  Open311Request(String token, String trackingNumber, long apiKeyId, Instant createdAt) {
    this.token = token;
    this.trackingNumber = trackingNumber;
    this.apiKeyId = apiKeyId;
    this.createdAt = createdAt;
  }

  String getToken() {
    return token;
  }

  String getTrackingNumber() {
    return trackingNumber;
  }
}
