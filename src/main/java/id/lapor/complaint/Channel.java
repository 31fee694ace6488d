package id.lapor.complaint;

/** The door through which a complaint came in. */
public enum Channel {
  WEB,
  API,
  OPEN311,
  SMS,
  WHATSAPP
}
