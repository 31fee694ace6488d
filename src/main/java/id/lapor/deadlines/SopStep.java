package id.lapor.deadlines;

/**
 * The steps of the SOP that have a deadline. Each is an output column of the {@code SopDeadlines}
 * decision table with the same name.
 */
enum SopStep {
  /** Regency or national admin verifies (and forwards) a complaint. */
  VERIFICATION("verification"),
  /** A district office (camat) gives the first response, in SOPs that ask for one (Banyuwangi). */
  DISTRICT_RESPONSE("districtResponse"),
  /** The OPD disposes and posts its follow-up, counted from forwarding. */
  FOLLOW_UP("followUp"),
  /** Delay after the first escalation (at the follow-up deadline) before the second one. */
  SECOND_ESCALATION("secondEscalation"),
  /** A supervisor acts on an overdue complaint. */
  SUPERVISION("supervision"),
  /** The complainant may reply to a follow-up; afterwards it closes as resolved. */
  REPLY("reply"),
  /** The complainant may supply missing information; afterwards it is archived as incomplete. */
  SUPPLEMENT("supplement"),
  /** The one extension of the follow-up deadline a supervisor may grant, counted from the decision. */
  EXTENSION("extension");

  private final String column;

  SopStep(String column) {
    this.column = column;
  }

  /** The DMN output column holding this step's duration. */
  public String column() {
    return column;
  }
}
