package id.lapor.complaint;

/** A state change was asked of a complaint in a state that does not allow it. */
public class IllegalComplaintTransitionException extends RuntimeException {

  private final String trackingNumber;
  private final ComplaintStatus status;
  private final String action;

  IllegalComplaintTransitionException(String trackingNumber, ComplaintStatus status, String action) {
    super("Complaint " + trackingNumber + " is " + status + " and cannot be " + action);
    this.trackingNumber = trackingNumber;
    this.status = status;
    this.action = action;
  }

  public String getTrackingNumber() {
    return trackingNumber;
  }

  public ComplaintStatus getStatus() {
    return status;
  }

  public String getAction() {
    return action;
  }
}
