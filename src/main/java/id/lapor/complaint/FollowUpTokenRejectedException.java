package id.lapor.complaint;

/** A write by the complainant came without the follow-up token issued with the complaint. */
public class FollowUpTokenRejectedException extends RuntimeException {

  public FollowUpTokenRejectedException(String trackingNumber) {
    super("The follow-up token does not match complaint " + trackingNumber);
  }
}
