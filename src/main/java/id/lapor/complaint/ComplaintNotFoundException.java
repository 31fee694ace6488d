package id.lapor.complaint;

/** No complaint has the given tracking number (or id). */
public class ComplaintNotFoundException extends RuntimeException {

  public ComplaintNotFoundException(String reference) {
    super("No complaint " + reference);
  }
}
