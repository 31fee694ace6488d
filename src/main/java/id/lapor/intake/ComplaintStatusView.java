package id.lapor.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import id.lapor.attachments.AttachmentView;
import java.util.List;

/**
 * The public status of a complaint: what anyone holding the tracking number may see. Never any
 * personal data or staff names; no content at all for a confidential complaint unless the caller
 * presents the follow-up token.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ComplaintStatusView(
    String trackingNumber,
    String status,
    String statusLabel,
    String laporStatus,
    boolean open,
    String classification,
    String category,
    String title,
    String description,
    String regionCode,
    String regionName,
    String district,
    String categoryLabel,
    Instant submittedAt,
    Instant currentDeadline,
    String deadlineNote,
    Instant closedAt,
    boolean escalated,
    String trafficLight,
    Boolean answeredLate,
    String resolution,
    String archiveReason,
    List<Entry> timeline,
    List<AttachmentView> attachments,
    int reportCount,
    String mergedInto) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(String type, String label, Instant at, String institution, String note, Integer rating) {}
}
