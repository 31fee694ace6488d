package id.lapor.complaint;

import java.time.LocalDate;

/** What a complainant reports, already validated by the intake. */
public record NewComplaint(
    Classification classification,
    String title,
    String description,
    Category category,
    LocalDate incidentDate,
    Location location,
    Channel channel,
    Privacy privacy,
    Complainant complainant) {}
