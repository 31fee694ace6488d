package id.lapor.casework.steps;

import static id.lapor.casework.ProcessVariables.FOLLOW_UP_TEXT;

import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TimelineEventType;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Siapkan tindak lanjut": the OPD's officer writes the follow-up the complainant receives. When a
 * reviewing head of the OPD sent the draft back, the form shows why.
 */
@Component
class PrepareFollowUpStep implements TaskStep {

  @Override
  public String form() {
    return "PrepareFollowUp";
  }

  @Override
  public List<String> fields() {
    return List.of(FOLLOW_UP_TEXT);
  }

  @Override
  public void check(Decision d) {
    d.requireText(FOLLOW_UP_TEXT);
  }

  @Override
  public void show(TaskView view) {
    List<TimelineEntry> timeline = view.complaint().getTimeline();
    TimelineEntry last = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
    boolean sentBack = last != null && last.getType() == TimelineEventType.FOLLOW_UP_REVIEWED
        && "REVISE".equals(last.getReasonCode());
    view.text("reviewSentBack", sentBack
        ? view.label("form.review.sentBack", last.getActor(), last.getNote() == null ? "-" : last.getNote())
        : "");
  }
}
