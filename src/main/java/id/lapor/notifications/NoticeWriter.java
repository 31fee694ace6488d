package id.lapor.notifications;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintEvent;
import id.lapor.complaint.ComplaintEvent.ComplaintArchived;
import id.lapor.complaint.ComplaintEvent.ComplaintResolved;
import id.lapor.complaint.ComplaintEvent.FollowUpPosted;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the outbox: for every event the complainant is to hear of, a notice per medium they gave,
 * in the transaction that changed the complaint (so none is lost and none is sent for a change that
 * rolled back). The complainants of duplicates merged into a complaint hear of its follow-up and
 * closure too.
 */
@Component
class NoticeWriter {

  private final ComplainantNotices notices;

  NoticeWriter(ComplainantNotices notices) {
    this.notices = notices;
  }

  @EventListener
  void on(ComplaintEvent event) {
    Complaint complaint = event.complaint();
    List<ComplainantNotice> owed = new ArrayList<>(ComplainantNotice.owedFor(complaint, event.occurrence().entry()));
    if (event instanceof FollowUpPosted || event instanceof ComplaintResolved || event instanceof ComplaintArchived) {
      for (Complaint duplicate : complaint.getMergedDuplicates()) {
        owed.addAll(ComplainantNotice.owedFor(duplicate, event.occurrence().entry()));
      }
    }
    notices.saveAll(owed);
  }
}
