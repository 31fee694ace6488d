package id.lapor.notifications;

/**
 * A notice could not be handed over. {@link Kind#TRANSIENT} failures (server down, timeout, 5xx)
 * are retried with backoff; {@link Kind#PERMANENT} ones (the gateway refused the message, a bad
 * address) fail the notice at once; {@link Kind#NOT_CONFIGURED} marks it SKIPPED.
 */
public class DeliveryException extends Exception {

  public enum Kind { TRANSIENT, PERMANENT, NOT_CONFIGURED }

  private final Kind kind;

  public DeliveryException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
