package id.lapor.casework.steps;

import static id.lapor.casework.ProcessVariables.REVIEW_DECISION;
import static id.lapor.casework.ProcessVariables.REVIEW_NOTE;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Tinjau tindak lanjut" (plug-in FollowUpReview, Bangka Selatan): the head of the OPD approves the
 * officer's follow-up, or sends it back with a note saying what to change.
 */
@Component
class ReviewFollowUpStep implements TaskStep {

  @Override
  public String form() {
    return "ReviewFollowUp";
  }

  @Override
  public List<String> fields() {
    return List.of(REVIEW_DECISION, REVIEW_NOTE);
  }

  @Override
  public void check(Decision d) {
    if (d.oneOf(REVIEW_DECISION, ReviewDecision.class) == ReviewDecision.REVISE) {
      d.requireText(REVIEW_NOTE);
    } else {
      d.limitText(REVIEW_NOTE);
    }
  }
}
