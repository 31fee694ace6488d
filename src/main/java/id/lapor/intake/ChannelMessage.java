package id.lapor.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** An inbound gateway message already handled: its key ({@code channel:messageId}) and what it led to. */
@Entity
@Table(name = "channel_message")
class ChannelMessage implements Persistable<String> {

  @Id
  @Column(name = "message_key", length = 120)
  private String messageKey;

  @Column(nullable = false, length = 20)
  private String outcome;

  @Column(name = "tracking_number", length = 20)
  private String trackingNumber;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected ChannelMessage() {}

  ChannelMessage(String messageKey, String outcome, String trackingNumber, Instant receivedAt) {
    this.messageKey = messageKey;
    this.outcome = outcome;
    this.trackingNumber = trackingNumber;
    this.receivedAt = receivedAt;
  }

  @Override
  public String getId() {
    return messageKey;
  }

  /** Always inserted (never merged): a second delivery of the same message must collide. */
  @Override
  public boolean isNew() {
    return true;
  }

  String getOutcome() {
    return outcome;
  }

  String getTrackingNumber() {
    return trackingNumber;
  }
}
