package id.lapor.casework;

/** Ids of the user tasks of {@code ComplaintHandling}, as written in the BPMN. */
public final class ComplaintTasks {

  public static final String VERIFY_COMPLAINT = "Task_VerifyComplaint";
  public static final String VERIFY_COMPLAINT_NATIONALLY = "Task_VerifyComplaintNationally";
  /** Only in SOP variants with a district office's first response (Banyuwangi). */
  public static final String COORDINATE_FIRST_RESPONSE = "Task_CoordinateFirstResponse";
  public static final String DISPOSE_COMPLAINT = "Task_DisposeComplaint";
  public static final String PREPARE_FOLLOW_UP = "Task_PrepareFollowUp";
  public static final String SUPERVISE_OVERDUE_COMPLAINT = "Task_SuperviseOverdueComplaint";
  public static final String SUPERVISE_STILL_OVERDUE_COMPLAINT = "Task_SuperviseStillOverdueComplaint";

  private ComplaintTasks() {}
}
