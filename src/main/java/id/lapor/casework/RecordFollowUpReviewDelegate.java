package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.text;

import id.lapor.casework.steps.ReviewDecision;
import id.lapor.complaint.Complaint;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Catat tinjauan" (plug-in FollowUpReview): the head of the OPD's review of the draft follow-up goes
 * on the staff timeline — approved, returned for revision, or not given in time (the follow-up is
 * then sent as written); the decision and note go back to the complaint's process, which sends the
 * follow-up or returns it to the officer.
 */
@Component("recordFollowUpReviewDelegate")
class RecordFollowUpReviewDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  RecordFollowUpReviewDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String decision = text(execution, ProcessVariables.REVIEW_DECISION);
    Complaint.ReviewOutcome outcome = decision == null ? Complaint.ReviewOutcome.NOT_REVIEWED_IN_TIME
        : ReviewDecision.REVISE.name().equals(decision) ? Complaint.ReviewOutcome.REVISE
        : Complaint.ReviewOutcome.APPROVED;
    support.complaint(execution).recordFollowUpReview(outcome, text(execution, ProcessVariables.REVIEW_NOTE),
        support.actor(), support.now());
  }
}
