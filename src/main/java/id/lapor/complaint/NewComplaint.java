package id.lapor.complaint;

import java.time.LocalDate;

/**
 * What a complainant reports, already validated by the intake.
 *
 * @param language the complainant's language for notifications ({@code id} or {@code en})
 * @param targetInstitutionCode the institution the complainant addressed, if they named one
 */
public record NewComplaint(
    Classification classification,
    String title,
    String description,
    Category category,
    LocalDate incidentDate,
    Location location,
    Channel channel,
    Privacy privacy,
    Complainant complainant,
    String language,
    String targetInstitutionCode) {

  public static final String INDONESIAN = "id";
  public static final String ENGLISH = "en";

  public NewComplaint {
    language = ENGLISH.equals(language) ? ENGLISH : INDONESIAN;
  }

  /** A report in Indonesian that names no institution. */
  public NewComplaint(Classification classification, String title, String description, Category category,
      LocalDate incidentDate, Location location, Channel channel, Privacy privacy, Complainant complainant) {
    this(classification, title, description, category, incidentDate, location, channel, privacy, complainant,
        INDONESIAN, null);
  }
}
