package id.lapor.web;

/**
 * What was asked lies outside the caller's institutions: answered {@code 404}, exactly as if it
 * did not exist, so that existence does not leak.
 */
public class NotInScopeException extends RuntimeException {

  public NotInScopeException(String what) {
    super(what + " was not found");
  }
}
