package id.lapor.complaint;

import java.time.Instant;
import java.util.Optional;

/**
 * A complaint as the public may list it: what was reported, where, in which state, since when. Never
 * the complainant, the description or an attachment; {@link Complaints#published} returns no
 * confidential complaint. The map point is the complainant's own, or none.
 */
public record PublishedComplaint(
    String trackingNumber,
    Privacy privacy,
    String title,
    Category category,
    String regionCode,
    String district,
    Double latitude,
    Double longitude,
    ComplaintStatus status,
    Instant submittedAt,
    Instant currentDeadline,
    Instant openedAt,
    Instant answeredAt,
    int reportCount) {

  /** The OPD's light at {@code now}, as on the complaint itself. */
  public Optional<TrafficLight> trafficLight(Instant now) {
    return TrafficLight.of(status, openedAt, answeredAt, currentDeadline, now);
  }

  public boolean hasPoint() {
    return latitude != null && longitude != null;
  }
}
