package id.lapor.supervision;

import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * An institution as a level of supervision, and the read-model column that selects its complaints:
 * the nation (all), a province, a regency/city or national body (the institution a complaint is
 * addressed to), an OPD (the one handling it).
 */
record Unit(String code, String name, InstitutionKind kind) {

  static Unit of(Institution i) {
    return new Unit(i.getCode(), i.getName(), i.getKind());
  }

  /** The column of {@code complaint_projection} that holds this unit's code; none for the nation. */
  String column() {
    return switch (kind) {
      case NATIONAL -> null;
      case PROVINCE -> "province_code";
      case REGENCY, CITY, AGENCY -> "regency_code";
      case OPD -> "opd_code";
    };
  }

  /**
   * The SQL condition ({@code " and <column> = :unit"}) that selects this unit's complaints, its
   * value added to {@code params}; none for the nation.
   */
  String condition(MapSqlParameterSource params) {
    if (column() == null) {
      return "";
    }
    params.addValue("unit", code);
    return " and " + column() + " = :unit";
  }

  /**
   * The column that tells this unit's complaints apart by the next level down: provinces (and
   * national bodies) under the nation, regencies under a province, OPDs under a regency; none for an OPD.
   */
  String childColumn() {
    return switch (kind) {
      case NATIONAL -> "coalesce(province_code, regency_code)";
      case PROVINCE -> "regency_code";
      case REGENCY, CITY, AGENCY -> "opd_code";
      case OPD -> null;
    };
  }
}
