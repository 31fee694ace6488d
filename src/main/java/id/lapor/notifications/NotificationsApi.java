package id.lapor.notifications;

import id.lapor.notifications.ComplainantNotice;
import id.lapor.notifications.ComplainantNotices;
import id.lapor.notifications.NoticeState;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators' view of the notification outbox: what failed or was skipped, and why (never the
 * recipient), and a retry once the cause is mended.
 */
@RestController
@RequestMapping("/api/staff/notifications")
class NotificationsApi {

  static final int LIMIT_MAX = 500;

  private final ComplainantNotices notices;
  private final Clock clock;

  NotificationsApi(ComplainantNotices notices, Clock clock) {
    this.notices = notices;
    this.clock = clock;
  }

  @Operation(summary = "Notices to complainants in one state, newest first (operators only)")
  @GetMapping
  @Transactional(readOnly = true)
  List<NoticeView> list(@RequestParam(defaultValue = "FAILED") NoticeState state,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > LIMIT_MAX) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + LIMIT_MAX);
    }
    return notices.findByDeliveryStateOrderByIdDesc(state, PageRequest.of(0, limit)).stream().map(NoticeView::of).toList();
  }

  @Operation(summary = "Send a failed or skipped notice again, from its first attempt (operators only)")
  @PostMapping("/{id}/retry")
  @Transactional
  NoticeView retry(@PathVariable long id) {
    ComplainantNotice notice = notices.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no notice " + id));
    if (notice.getState() == NoticeState.SENT || notice.getState() == NoticeState.PENDING) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "notice " + id + " is " + notice.getState()
          + "; only FAILED or SKIPPED notices are retried");
    }
    notice.retry(clock.instant());
    return NoticeView.of(notice);
  }

  /** A notice without its recipient. */
  record NoticeView(long id, String trackingNumber, String event, String medium, String state, int attempts,
      Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError) {
    static NoticeView of(ComplainantNotice n) {
      return new NoticeView(n.getId(), n.getComplaint().getTrackingNumber(), n.getEventType().name(),
          n.getMedium().name(), n.getState().name(), n.getAttempts(), n.getCreatedAt(), n.getNextAttemptAt(),
          n.getSentAt(), n.getLastError());
    }
  }
}
