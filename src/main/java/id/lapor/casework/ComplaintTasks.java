package id.lapor.casework;

/** Ids of the user tasks of {@code ComplaintHandling} and its plug-ins, and of its stages, as written in the BPMN. */
public final class ComplaintTasks {

  public static final String VERIFY_COMPLAINT = "Task_VerifyComplaint";
  public static final String VERIFY_COMPLAINT_NATIONALLY = "Task_VerifyComplaintNationally";
  /** Plug-in FirstResponse of regions with a district office's first response (Banyuwangi). */
  public static final String COORDINATE_FIRST_RESPONSE = "Task_CoordinateFirstResponse";
  public static final String DISPOSE_COMPLAINT = "Task_DisposeComplaint";
  public static final String PREPARE_FOLLOW_UP = "Task_PrepareFollowUp";
  public static final String SUPERVISE_OVERDUE_COMPLAINT = "Task_SuperviseOverdueComplaint";
  /** Plug-in FollowUpReview (Bangka Selatan): the head of the OPD reviews the follow-up before it is sent. */
  public static final String REVIEW_FOLLOW_UP = "Task_ReviewFollowUp";

  /** The OPD stage (sub-process) and, inside it, the clock that watches its deadline. */
  public static final String OPD_STAGE = "SubProcess_HandleComplaintAtOpd";
  public static final String OPD_CLOCK = "SubProcess_OpdClock";
  /** The clock's timer for the next level of the escalation chain. */
  public static final String NEXT_ESCALATION_DUE_EVENT = "Event_NextEscalationDue";

  private ComplaintTasks() {}
}
