package id.lapor.casework;

/**
 * Names of the process variables of {@code ComplaintHandling}, declared once. Variables hold
 * references and decisions only: never the complaint's text or the complainant's personal data.
 */
public final class ProcessVariables {

  // references, set at start. The complaint itself is the one whose tracking number is the instance's
  // business key: never a variable, which the users of a task might be able to write.
  public static final String TRACKING_NUMBER = "trackingNumber";
  public static final String CLASSIFICATION = "classification";
  public static final String REGION_CODE = "regionCode";
  public static final String PROVINCE_CODE = "provinceCode";
  public static final String OPD_CODE = "opdCode";

  public static final String DISTRICT_OFFICE_CODE = "districtOfficeCode";

  // due dates, computed by SopDeadlines
  public static final String VERIFICATION_DUE = "verificationDue";
  public static final String FOLLOW_UP_DUE = "followUpDue";
  public static final String DISTRICT_RESPONSE_DUE = "districtResponseDue";
  public static final String FOLLOW_UP_REMINDER_DUE = "followUpReminderDue";
  /** When the next level of the SOP's escalation chain is due (the second escalation, after the first). */
  public static final String NEXT_ESCALATION_DUE = "nextEscalationDue";
  /** The due date of the supervision task of the latest escalation. */
  public static final String SUPERVISION_DUE = "supervisionDue";

  // the escalation chain of the SOP in force when the follow-up clock started (REGENT, PROVINCE,
  // NATIONAL), the candidate groups of the latest escalation's supervision task (comma-separated), and
  // whether the chain has a further level
  public static final String FIRST_ESCALATION_TO = "firstEscalationTo";
  public static final String SECOND_ESCALATION_TO = "secondEscalationTo";
  public static final String SUPERVISORS = "supervisors";
  public static final String FURTHER_ESCALATION = "furtherEscalation";

  // plug-ins: the tenant whose own definition of a plug-in the complaint calls (null: the shared default)
  public static final String FIRST_RESPONSE_TENANT = "firstResponseTenant";
  public static final String FOLLOW_UP_REVIEW_TENANT = "followUpReviewTenant";
  public static final String REPLY_DUE = "replyDue";
  public static final String SUPPLEMENT_DUE = "supplementDue";

  // decisions taken in task forms
  public static final String VERIFICATION_DECISION = "verificationDecision";
  public static final String NATIONAL_DECISION = "nationalDecision";
  public static final String REGENCY_CODE = "regencyCode";
  public static final String DISPOSITION_DECISION = "dispositionDecision";
  public static final String FOLLOW_UP_ASSIGNEE = "followUpAssignee";
  public static final String ARCHIVE_REASON = "archiveReason";
  public static final String REPLY_DECISION = "replyDecision";
  public static final String SUPERVISION_ACTION = "supervisionAction";
  public static final String REASSIGN_OPD_CODE = "reassignOpdCode";

  // texts typed into task forms; the delegates move them onto the timeline and drop them
  public static final String ARCHIVE_NOTE = "archiveNote";
  public static final String INFORMATION_REQUEST = "informationRequest";
  public static final String REFERRAL_REASON = "referralReason";
  /**
   * Who verifies (Verify complaint's candidate groups): the admins of the institution it is addressed
   * to; the province's supervisors (the national admins for a national body) once it has been
   * transferred more often than the SOP allows.
   */
  public static final String VERIFIER_GROUPS = "verifierGroups";
  /** Verify complaint, MERGE: the open complaint this one duplicates. */
  public static final String MASTER_TRACKING_NUMBER = "masterTrackingNumber";
  /** Verify complaint, TRANSFER: the regency, city or national body with authority, and why. */
  public static final String TRANSFER_TO = "transferTo";
  public static final String TRANSFER_REASON = "transferReason";
  public static final String RETURN_REASON = "returnReason";
  /** Dispose complaint, RETURN: the OPD's suggestion of who has authority (optional). */
  public static final String RETURN_SUGGESTION = "returnSuggestion";
  public static final String FOLLOW_UP_TEXT = "followUpText";
  public static final String SUPERVISION_NOTE = "supervisionNote";
  public static final String FIRST_RESPONSE_NOTE = "firstResponseNote";
  /** Plug-in FollowUpReview's result: APPROVE or REVISE (absent: approved), and the reviewer's note. */
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_NOTE = "reviewNote";

  // input parameters of shared service tasks
  public static final String RESOLUTION = "resolution";

  private ProcessVariables() {}
}
