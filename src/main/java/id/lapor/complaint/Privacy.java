package id.lapor.complaint;

/** Who may see a complaint and its complainant. */
public enum Privacy {
  /** Content public; the complainant's identity is never public. */
  PUBLIC,
  /** Anonim: the complainant's identity is hidden from the body complained about and the public. */
  ANONYMOUS,
  /** Rahasia: the content is never public; the public sees only number, status and dates. */
  CONFIDENTIAL
}
