package id.lapor.notifications;

/** How a notice reaches the complainant. */
public enum NoticeMedium {
  EMAIL,
  SMS,
  WHATSAPP
}
