package id.lapor.institutions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A government body in the complaint hierarchy. Regions use their Kemendagri region code
 * ({@code 51}, {@code 51.06}); an OPD uses its regency's code plus a short name
 * ({@code 51.06.dinkes}); the national level is {@link #NATIONAL_CODE}.
 */
@Entity
@Table(name = "institution")
public class Institution {

  public static final String NATIONAL_CODE = "ID";

  /** The zone of a region the registry does not know: WIB, where most regencies are. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");

  private static final Map<String, String> ZONE_NAMES = Map.of(
      "Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB", "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");

  @Id
  @Column(length = 40)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private InstitutionKind kind;

  @Column(name = "parent_code", length = 40)
  private String parentCode;

  @Column(name = "time_zone", nullable = false, length = 40)
  private String timeZone;

  /** The decree (Surat Keputusan) on complaint management: its number, date and document. */
  @Column(name = "decree_number", length = 100)
  private String decreeNumber;

  @Column(name = "decree_date")
  private LocalDate decreeDate;

  @Column(name = "decree_file_name", length = 120)
  private String decreeFileName;

  @Column(name = "decree_content_type", length = 60)
  private String decreeContentType;

  protected Institution() {}

  Institution(String code, String name, InstitutionKind kind, String parentCode, ZoneId timeZone) {
    this.code = Objects.requireNonNull(code);
    this.name = Objects.requireNonNull(name);
    this.kind = Objects.requireNonNull(kind);
    this.parentCode = parentCode;
    this.timeZone = timeZone.getId();
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public InstitutionKind getKind() {
    return kind;
  }

  public String getParentCode() {
    return parentCode;
  }

  /** How Indonesians name a zone: WIB, WITA, WIT (else its id). */
  public static String zoneName(ZoneId zone) {
    return ZONE_NAMES.getOrDefault(zone.getId(), zone.getId());
  }

  /** The zone in which this institution's office hours and deadlines are reckoned (WIB, WITA, WIT). */
  /**
   * Records the decree (SK) on complaint management; {@code fileName} and {@code contentType} name
   * its document (kept apart, see {@link DecreeDocument}) or are null to keep the earlier one.
   */
  public void recordDecree(String number, LocalDate date, String fileName, String contentType) {
    this.decreeNumber = Objects.requireNonNull(number);
    this.decreeDate = Objects.requireNonNull(date);
    if (fileName != null) {
      this.decreeFileName = fileName;
      this.decreeContentType = contentType;
    }
  }

  /** The decree on complaint management, if the institution has one. */
  public Optional<Decree> getDecree() {
    return decreeNumber == null ? Optional.empty()
        : Optional.of(new Decree(decreeNumber, decreeDate, decreeFileName, decreeContentType));
  }

  /** Where staff download the decree's document, if one was uploaded. */
  public Optional<String> getDecreeDocumentPath() {
    return getDecree().filter(d -> d.fileName() != null)
        .map(d -> "/api/staff/institutions/" + code + "/decree/document");
  }

  /** A decree (SK) on complaint management; {@code fileName} is null without a document. */
  public record Decree(String number, LocalDate date, String fileName, String contentType) {}

  public ZoneId getTimeZone() {
    return ZoneId.of(timeZone);
  }

  public boolean isRegencyLevel() {
    return kind.isRegencyLevel();
  }

  /** Camunda groups of the people who work for this institution, by role. */
  public InstitutionGroups groups() {
    return new InstitutionGroups(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Institution other && code.equals(other.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code + " " + name;
  }
}
