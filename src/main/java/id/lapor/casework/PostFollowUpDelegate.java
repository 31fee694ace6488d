package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;
import static id.lapor.casework.CaseworkSupport.text;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Post follow-up": the OPD's answer reaches the complainant, whose reply period starts. */
@Component("postFollowUpDelegate")
class PostFollowUpDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  PostFollowUpDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    Instant now = support.now();
    Instant replyDue = support.deadlines().reply(complaint, now);
    complaint.postFollowUp(text(execution, ProcessVariables.FOLLOW_UP_TEXT), replyDue, support.actor(), now);
    execution.setVariable(ProcessVariables.REPLY_DUE, date(replyDue));
    execution.removeVariable(ProcessVariables.FOLLOW_UP_TEXT);
  }
}
