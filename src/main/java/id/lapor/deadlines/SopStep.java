package id.lapor.deadlines;

/**
 * The steps of the SOP that have a deadline. Each is an output column of the {@code SopDeadlines}
 * decision table with the same name.
 */
public enum SopStep {
  /** Regency or national admin verifies (and forwards) a complaint. */
  VERIFICATION("verification"),
  /** A district office (camat) gives the first response, in SOPs that ask for one (Banyuwangi). */
  DISTRICT_RESPONSE("districtResponse"),
  /** The OPD disposes and posts its follow-up, counted from forwarding. */
  FOLLOW_UP("followUp"),
  /** Delay after the province escalation before the national admins are called in. */
  NATIONAL_ESCALATION("nationalEscalation"),
  /** A supervisor acts on an overdue complaint. */
  SUPERVISION("supervision"),
  /** The complainant may reply to a follow-up; afterwards it closes as resolved. */
  REPLY("reply"),
  /** The complainant may supply missing information; afterwards it is archived as incomplete. */
  SUPPLEMENT("supplement");

  private final String column;

  SopStep(String column) {
    this.column = column;
  }

  /** The DMN output column holding this step's duration. */
  public String column() {
    return column;
  }
}
