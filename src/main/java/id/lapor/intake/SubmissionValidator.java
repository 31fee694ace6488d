package id.lapor.intake;

import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complainant;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The rules a submission must meet, whatever channel it comes from. Collects every problem so the
 * answer names every invalid field at once.
 */
@Component
public class SubmissionValidator {

  static final int TITLE_MAX = 150;
  static final int DERIVED_TITLE_MAX = 100;
  static final int DESCRIPTION_MAX = 4000;
  static final int DISTRICT_MAX = 100;
  static final int NAME_MAX = 150;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{5,19}$");

  /** The earliest incident a complaint may be about (an older date is a typing error). */
  public static final LocalDate EARLIEST_INCIDENT = LocalDate.of(1950, 1, 1);

  /** Without a known region, "the future" starts when the day starts in Papua (WIT). */
  private static final ZoneId EASTERNMOST_ZONE = ZoneId.of("Asia/Jayapura");

  private final Institutions institutions;
  private final Clock clock;

  SubmissionValidator(Institutions institutions, Clock clock) {
    this.institutions = institutions;
    this.clock = clock;
  }

  /** The complaint the request describes, or {@link InvalidRequestException} naming every problem. */
  public NewComplaint validate(SubmitComplaintRequest r, Channel channel) {
    List<FieldProblem> problems = new ArrayList<>();
    Classification classification = oneOf(Classification.class, "classification", r.classification(), problems);
    String title = text("title", r.title(), TITLE_MAX, true, problems);
    String description = text("description", r.description(), DESCRIPTION_MAX, true, problems);
    Category category = oneOf(Category.class, "category", r.category(), problems);
    Privacy privacy = oneOf(Privacy.class, "privacy", r.privacy(), problems);
    Optional<Institution> region = region(r.regionCode(), problems);
    LocalDate incidentDate = incidentDate(r.incidentDate(), region, problems);
    Location location = location(r, problems);
    Complainant complainant = complainant(r.complainant(), privacy, problems);
    String target = target(r.targetInstitutionCode(), region, problems);
    String language = r.language() == null || r.language().isBlank() ? NewComplaint.INDONESIAN : r.language().strip();
    if (!language.equals(NewComplaint.INDONESIAN) && !language.equals(NewComplaint.ENGLISH)) {
      problems.add(new FieldProblem("language", "must be id or en"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new NewComplaint(classification, title, description, category, incidentDate, location,
        channel, privacy, complainant, language, target);
  }

  /** An institution of the chosen regency (one of its OPDs, or the regency itself), if one is named. */
  private String target(String code, Optional<Institution> region, List<FieldProblem> problems) {
    String wanted = blankToNull(code);
    if (wanted == null) {
      return null;
    }
    Optional<Institution> target = institutions.findById(wanted);
    if (target.isEmpty()) {
      problems.add(new FieldProblem("targetInstitutionCode", "is not a registered institution (" + wanted + ")"));
      return null;
    }
    if (region.isPresent()) {
      String regency = region.get().getCode();
      Institution t = target.get();
      boolean ofRegency = t.getCode().equals(regency) || regency.equals(t.getParentCode());
      if (!ofRegency) {
        problems.add(new FieldProblem("targetInstitutionCode", "is not an institution of " + regency
            + " (choose one of its OPDs or leave it empty)"));
        return null;
      }
    }
    return wanted;
  }

  private Optional<Institution> region(String code, List<FieldProblem> problems) {
    if (code == null || code.isBlank()) {
      problems.add(new FieldProblem("regionCode", "is required"));
      return Optional.empty();
    }
    Optional<Institution> regency = institutions.findRegency(code.strip());
    if (regency.isEmpty()) {
      problems.add(new FieldProblem("regionCode", "is not a registered regency or city (" + code + ")"));
    }
    return regency;
  }

  private LocalDate incidentDate(String value, Optional<Institution> region, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.strip());
      LocalDate today = LocalDate.now(clock.withZone(region.map(Institution::getTimeZone)
          .orElse(EASTERNMOST_ZONE)));
      if (date.isAfter(today)) {
        problems.add(new FieldProblem("incidentDate", "must not be in the future"));
      } else if (date.isBefore(EARLIEST_INCIDENT)) {
        problems.add(new FieldProblem("incidentDate", "must not be before " + EARLIEST_INCIDENT));
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem("incidentDate", "must be a date like 2026-03-17"));
      return null;
    }
  }

  private Location location(SubmitComplaintRequest r, List<FieldProblem> problems) {
    var part = r.location();
    String regionCode = r.regionCode() == null ? null : r.regionCode().strip();
    if (part == null) {
      return new Location(regionCode, null, null, null);
    }
    String district = text("location.district", part.district(), DISTRICT_MAX, false, problems);
    Double lat = part.latitude();
    Double lon = part.longitude();
    if ((lat == null) != (lon == null)) {
      problems.add(new FieldProblem(lat == null ? "location.latitude" : "location.longitude",
          "latitude and longitude go together"));
    }
    if (lat != null && (!Double.isFinite(lat) || lat < -90 || lat > 90)) {
      problems.add(new FieldProblem("location.latitude", "must be a number between -90 and 90"));
    }
    if (lon != null && (!Double.isFinite(lon) || lon < -180 || lon > 180)) {
      problems.add(new FieldProblem("location.longitude", "must be a number between -180 and 180"));
    }
    return new Location(regionCode, district, lat, lon);
  }

  private Complainant complainant(SubmitComplaintRequest.ComplainantPart part, Privacy privacy,
      List<FieldProblem> problems) {
    boolean anonymous = privacy == Privacy.ANONYMOUS;
    if (part == null) {
      if (!anonymous) {
        problems.add(new FieldProblem("complainant", "is required unless privacy is ANONYMOUS"));
      }
      return null;
    }
    String name = text("complainant.name", part.name(), NAME_MAX, !anonymous, problems);
    String email = blankToNull(part.email());
    String phone = blankToNull(part.phone());
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      problems.add(new FieldProblem("complainant.email", "is not an email address"));
    }
    if (phone != null && !PHONE.matcher(phone).matches()) {
      problems.add(new FieldProblem("complainant.phone", "is not a phone number"));
    }
    if (!anonymous && email == null && phone == null) {
      problems.add(new FieldProblem("complainant", "needs an email address or a phone number"));
    }
    if (name == null && email == null && phone == null) {
      return null;
    }
    return new Complainant(name, email, phone);
  }

  static String text(String field, String value, int max, boolean required, List<FieldProblem> problems) {
    String v = blankToNull(value);
    if (v == null) {
      if (required) {
        problems.add(new FieldProblem(field, "is required"));
      }
      return null;
    }
    if (v.length() > max) {
      problems.add(new FieldProblem(field, "must be at most " + max + " characters (is " + v.length() + ")"));
    }
    return v;
  }

  private static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value, List<FieldProblem> problems) {
    String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "is required (one of " + allowed + ")"));
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, "must be one of " + allowed));
      return null;
    }
  }

  /**
   * A title for channels that carry only a text (SMS, WhatsApp, Open311): its first line, cut at
   * 100 characters; null for no text (then the validator says the title is missing).
   */
  public static String titleFrom(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() <= DERIVED_TITLE_MAX ? line : line.substring(0, DERIVED_TITLE_MAX - 1).strip() + "…";
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
