package id.lapor.casework;

import static id.lapor.casework.ProcessVariables.ARCHIVE_NOTE;
import static id.lapor.casework.ProcessVariables.ARCHIVE_REASON;
import static id.lapor.casework.ProcessVariables.DISPOSITION_DECISION;
import static id.lapor.casework.ProcessVariables.FOLLOW_UP_ASSIGNEE;
import static id.lapor.casework.ProcessVariables.FOLLOW_UP_TEXT;
import static id.lapor.casework.ProcessVariables.INFORMATION_REQUEST;
import static id.lapor.casework.ProcessVariables.NATIONAL_DECISION;
import static id.lapor.casework.ProcessVariables.OPD_CODE;
import static id.lapor.casework.ProcessVariables.REFERRAL_REASON;
import static id.lapor.casework.ProcessVariables.REGENCY_CODE;
import static id.lapor.casework.ProcessVariables.RETURN_REASON;
import static id.lapor.casework.ProcessVariables.REASSIGN_OPD_CODE;
import static id.lapor.casework.ProcessVariables.SUPERVISION_ACTION;
import static id.lapor.casework.ProcessVariables.SUPERVISION_NOTE;
import static id.lapor.casework.ProcessVariables.VERIFICATION_DECISION;

import id.lapor.casework.RecordSupervisionDelegate.SupervisionAction;
import id.lapor.complaint.ArchiveReason;
import id.lapor.complaint.Complaint;
import id.lapor.institutions.InstitutionGroups;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.Institutions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * The decisions each user task of {@code ComplaintHandling} takes, checked where they are taken.
 * On {@code create} the task's decision variables from an earlier round are cleared, so a form
 * never opens with last time's answer. A decision is validated when a form is submitted (Tasklist,
 * {@code submit-form}: refused with {@code 400}) and again on {@code complete} whatever the caller
 * (Java, REST {@code complete}); a bad one is refused with every problem named, the task stays
 * open and nothing moves.
 */
@Component("taskDecisions")
class TaskDecisions implements TaskListener {

  static final int MAX_TEXT = 4000;

  /** Decision variables owned by each task, cleared when the task is created again. */
  private static final Map<String, List<String>> OWNED = Map.of(
      ComplaintTasks.VERIFY_COMPLAINT, List.of(VERIFICATION_DECISION, OPD_CODE, ARCHIVE_REASON,
          ARCHIVE_NOTE, INFORMATION_REQUEST, REFERRAL_REASON, ProcessVariables.MASTER_TRACKING_NUMBER,
          ProcessVariables.TRANSFER_TO, ProcessVariables.TRANSFER_REASON),
      ComplaintTasks.VERIFY_COMPLAINT_NATIONALLY, List.of(NATIONAL_DECISION, REGENCY_CODE,
          ARCHIVE_REASON, ARCHIVE_NOTE),
      ComplaintTasks.DISPOSE_COMPLAINT, List.of(DISPOSITION_DECISION, FOLLOW_UP_ASSIGNEE, RETURN_REASON,
          ProcessVariables.RETURN_SUGGESTION),
      ComplaintTasks.PREPARE_FOLLOW_UP, List.of(FOLLOW_UP_TEXT),
      ComplaintTasks.COORDINATE_FIRST_RESPONSE, List.of(ProcessVariables.FIRST_RESPONSE_NOTE),
      ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT, List.of(SUPERVISION_ACTION, SUPERVISION_NOTE, REASSIGN_OPD_CODE),
      ComplaintTasks.REVIEW_FOLLOW_UP, List.of(ProcessVariables.REVIEW_DECISION, ProcessVariables.REVIEW_NOTE));

  /** Reasons an admin may choose; INCOMPLETE is the timer's, not a person's. */
  static final Set<ArchiveReason> ADMIN_ARCHIVE_REASONS = EnumSet.complementOf(EnumSet.of(ArchiveReason.INCOMPLETE));

  private final CaseworkSupport support;
  private final Institutions institutions;
  private final IdentityService identityService;

  TaskDecisions(CaseworkSupport support, Institutions institutions, IdentityService identityService) {
    this.support = support;
    this.institutions = institutions;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      OWNED.getOrDefault(task.getTaskDefinitionKey(), List.of()).forEach(task.getExecution()::removeVariable);
      // on the task itself, so Tasklist lists it to OPD users, who may read the task but not the instance
      task.setVariableLocal(ProcessVariables.TRACKING_NUMBER, task.getExecution().getProcessBusinessKey());
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      check(task.getTaskDefinitionKey(), support.complaint(task), task::getVariable);
    }
  }

  /**
   * The fields a form of this task may submit: its decision and the texts that go with it. Anything
   * else (another task's decision, a reference such as {@code opdCode} outside verification, a due
   * date) is never a user's to write.
   */
  static Set<String> fields(String taskKey) {
    return Set.copyOf(OWNED.getOrDefault(taskKey, List.of()));
  }

  /**
   * Refuses a form submission that carries a field the task's form does not have.
   *
   * @throws FormFieldValidationException naming every refused field
   */
  static void checkFields(String taskKey, Set<String> submitted) {
    Set<String> allowed = fields(taskKey);
    List<String> problems = submitted.stream().filter(name -> !allowed.contains(name)).sorted()
        .map(name -> name + ": not a field of this task's form" + (allowed.isEmpty() ? ""
            : " (its fields: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"))
        .toList();
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(problems, String.join("; ", problems));
    }
  }

  /**
   * Refuses a decision with every problem named.
   *
   * @param complaint the complaint the task belongs to (from the instance's business key)
   * @param variables the task's variables as they will be once the decision is taken
   * @throws FormFieldValidationException when the decision is incomplete or invalid
   */
  void check(String taskKey, Complaint complaint, Function<String, Object> variables) {
    List<String> problems = problems(taskKey, complaint, variables);
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(problems, String.join("; ", problems));
    }
  }

  List<String> problems(String taskKey, Complaint complaint, Function<String, Object> task) {
    List<String> problems = new ArrayList<>();
    switch (taskKey) {
      case ComplaintTasks.VERIFY_COMPLAINT -> verification(task, complaint, problems);
      case ComplaintTasks.VERIFY_COMPLAINT_NATIONALLY -> nationalVerification(task, problems);
      case ComplaintTasks.DISPOSE_COMPLAINT -> disposition(task, complaint, problems);
      case ComplaintTasks.PREPARE_FOLLOW_UP -> requireText(task, FOLLOW_UP_TEXT, problems);
      case ComplaintTasks.COORDINATE_FIRST_RESPONSE -> requireText(task, ProcessVariables.FIRST_RESPONSE_NOTE, problems);
      case ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT -> supervision(task, complaint, problems);
      case ComplaintTasks.REVIEW_FOLLOW_UP -> review(task, problems);
      default -> { }
    }
    return problems;
  }

  private void verification(Function<String, Object> task, Complaint complaint, List<String> problems) {
    String decision = oneOf(task, VERIFICATION_DECISION, VerificationDecision.class, problems);
    if (decision == null) {
      return;
    }
    switch (VerificationDecision.valueOf(decision)) {
      case FORWARD -> {
        String opd = text(task, OPD_CODE);
        String regency = complaint.getAddressedRegionCode();
        boolean ownOpd = opd != null && institutions.findById(opd)
            .filter(i -> i.getKind() == InstitutionKind.OPD && regency.equals(i.getParentCode()))
            .isPresent();
        if (!ownOpd) {
          problems.add(OPD_CODE + ": choose one of the OPDs of " + regency);
        }
      }
      case REQUEST_INFORMATION -> requireText(task, INFORMATION_REQUEST, problems);
      case ARCHIVE -> archiveReason(task, problems);
      case NOT_WITHIN_AUTHORITY -> requireText(task, REFERRAL_REASON, problems);
      case MERGE -> merge(task, complaint, problems);
      case TRANSFER -> transfer(task, complaint, problems);
    }
  }

  /** The master must be another open complaint of the same regency (or addressed to the same institution). */
  private void merge(Function<String, Object> task, Complaint complaint, List<String> problems) {
    String masterNumber = text(task, ProcessVariables.MASTER_TRACKING_NUMBER);
    var master = masterNumber == null ? null : support.findComplaint(masterNumber.strip().toUpperCase()).orElse(null);
    if (master == null) {
      problems.add(ProcessVariables.MASTER_TRACKING_NUMBER + ": the tracking number of an open complaint it duplicates");
    } else if (master.getId().equals(complaint.getId())) {
      problems.add(ProcessVariables.MASTER_TRACKING_NUMBER + ": a complaint cannot be merged into itself");
    } else if (!master.getStatus().isOpen() || master.getMergedIntoTrackingNumber().isPresent()) {
      problems.add(ProcessVariables.MASTER_TRACKING_NUMBER + ": " + master.getTrackingNumber() + " is not open");
    } else if (!master.getAddressedRegionCode().equals(complaint.getAddressedRegionCode())
        && !(master.getTargetInstitutionCode().isPresent()
            && master.getTargetInstitutionCode().equals(complaint.getTargetInstitutionCode()))) {
      problems.add(ProcessVariables.MASTER_TRACKING_NUMBER + ": " + master.getTrackingNumber()
          + " is handled by another institution; transfer this complaint there instead");
    }
  }

  /** Another regency, city or national body, and a reason (past the SOP's limit the province decides). */
  private void transfer(Function<String, Object> task, Complaint complaint, List<String> problems) {
    String target = text(task, ProcessVariables.TRANSFER_TO);
    boolean verifying = target != null && institutions.findById(target)
        .filter(i -> i.getKind().verifiesComplaints()).isPresent();
    if (!verifying) {
      problems.add(ProcessVariables.TRANSFER_TO + ": choose a registered regency, city or national body");
    } else if (target.equals(complaint.getAddressedRegionCode())) {
      problems.add(ProcessVariables.TRANSFER_TO + ": the complaint is already here");
    }
    requireText(task, ProcessVariables.TRANSFER_REASON, problems);
  }

  private void nationalVerification(Function<String, Object> task, List<String> problems) {
    String decision = oneOf(task, NATIONAL_DECISION, NationalDecision.class, problems);
    if (decision == null) {
      return;
    }
    switch (NationalDecision.valueOf(decision)) {
      case FORWARD_TO_REGENCY -> {
        String regency = text(task, REGENCY_CODE);
        if (regency == null || institutions.findById(regency).filter(i -> i.getKind().verifiesComplaints()).isEmpty()) {
          problems.add(REGENCY_CODE + ": choose a registered regency, city or national body");
        }
      }
      case ARCHIVE -> archiveReason(task, problems);
    }
  }

  private void disposition(Function<String, Object> task, Complaint complaint, List<String> problems) {
    String decision = oneOf(task, DISPOSITION_DECISION, DispositionDecision.class, problems);
    if (decision == null) {
      return;
    }
    switch (DispositionDecision.valueOf(decision)) {
      case ASSIGN -> {
        String officer = text(task, FOLLOW_UP_ASSIGNEE);
        String group = InstitutionGroups.opdOfficers(complaint.getOpdCode().orElse(""));
        if (officer != null && !officer.isBlank()
            && identityService.createUserQuery().userId(officer).memberOfGroup(group).count() == 0) {
          problems.add(FOLLOW_UP_ASSIGNEE + ": " + officer + " is not an officer of this OPD");
        }
      }
      case RETURN -> {
        requireText(task, RETURN_REASON, problems);
        String suggestion = text(task, ProcessVariables.RETURN_SUGGESTION);
        if (suggestion != null && !suggestion.isBlank() && institutions.findById(suggestion).isEmpty()) {
          problems.add(ProcessVariables.RETURN_SUGGESTION + ": not a registered institution (" + suggestion + ")");
        }
      }
    }
  }

  private void supervision(Function<String, Object> task, Complaint complaint, List<String> problems) {
    requireText(task, SUPERVISION_NOTE, problems);
    String action = oneOf(task, SUPERVISION_ACTION, SupervisionAction.class, problems);
    if (action == null) {
      return;
    }
    switch (SupervisionAction.valueOf(action)) {
      case REASSIGN -> {
        String opd = text(task, REASSIGN_OPD_CODE);
        String regency = complaint.getAddressedRegionCode();
        boolean otherOwnOpd = opd != null && !complaint.getOpdCode().orElse("").equals(opd)
            && institutions.findById(opd)
                .filter(i -> i.getKind() == InstitutionKind.OPD && regency.equals(i.getParentCode()))
                .isPresent();
        if (!otherOwnOpd) {
          problems.add(REASSIGN_OPD_CODE + ": choose another OPD of " + regency);
        }
      }
      case EXTEND -> {
        if (complaint.isDeadlineExtended()) {
          problems.add(SUPERVISION_ACTION + ": the deadline has already been extended once; push or reassign");
        }
      }
      case PUSH -> { }
    }
  }

  /** The head of the OPD approves the follow-up, or sends it back with a note saying what to change. */
  private void review(Function<String, Object> task, List<String> problems) {
    String decision = oneOf(task, ProcessVariables.REVIEW_DECISION, ReviewDecision.class, problems);
    if (ReviewDecision.REVISE.name().equals(decision)) {
      requireText(task, ProcessVariables.REVIEW_NOTE, problems);
    }
  }

  private void archiveReason(Function<String, Object> task, List<String> problems) {
    String reason = text(task, ARCHIVE_REASON);
    boolean valid = ADMIN_ARCHIVE_REASONS.stream().anyMatch(r -> r.name().equals(reason));
    if (!valid) {
      problems.add(ARCHIVE_REASON + ": one of " + ADMIN_ARCHIVE_REASONS.stream()
          .map(Enum::name).collect(Collectors.joining(", ")));
    }
  }

  private static <E extends Enum<E>> String oneOf(Function<String, Object> task, String name, Class<E> values,
      List<String> problems) {
    String value = text(task, name);
    for (E e : values.getEnumConstants()) {
      if (e.name().equals(value)) {
        return value;
      }
    }
    problems.add(name + ": one of " + EnumSet.allOf(values).stream().map(Enum::name)
        .collect(Collectors.joining(", ")));
    return null;
  }

  private static void requireText(Function<String, Object> task, String name, List<String> problems) {
    String text = text(task, name);
    if (text == null || text.isBlank()) {
      problems.add(name + ": required");
    } else if (text.length() > MAX_TEXT) {
      problems.add(name + ": at most " + MAX_TEXT + " characters");
    }
  }

  private static String text(Function<String, Object> variables, String name) {
    Object value = variables.apply(name);
    return value == null ? null : value.toString();
  }

  enum VerificationDecision { FORWARD, REQUEST_INFORMATION, ARCHIVE, NOT_WITHIN_AUTHORITY, MERGE, TRANSFER }

  enum NationalDecision { FORWARD_TO_REGENCY, ARCHIVE }

  enum DispositionDecision { ASSIGN, RETURN }

  enum ReviewDecision { APPROVE, REVISE }
}
