package id.lapor.complaint;

/** How a notice reaches the complainant. */
public enum NoticeMedium {
  EMAIL,
  SMS,
  WHATSAPP
}
