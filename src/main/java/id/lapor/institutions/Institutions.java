package id.lapor.institutions;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** All registered institutions. */
public interface Institutions extends JpaRepository<Institution, String> {

  List<Institution> findByParentCodeOrderByCode(String parentCode);

  List<Institution> findByParentCodeAndKindOrderByName(String parentCode, InstitutionKind kind);

  List<Institution> findByKindInOrderByCode(List<InstitutionKind> kinds);

  /** The time zone of a region, or WIB when the registry does not know it. */
  default ZoneId zoneOf(String regionCode) {
    return findById(regionCode).map(Institution::getTimeZone).orElse(Institution.DEFAULT_ZONE);
  }

  default Optional<Institution> findRegency(String regionCode) {
    return findById(regionCode).filter(Institution::isRegencyLevel);
  }

  default List<Institution> opdsOf(String regencyCode) {
    return findByParentCodeAndKindOrderByName(regencyCode, InstitutionKind.OPD);
  }

  List<Institution> findByParentCodeAndKindInOrderByName(String parentCode, List<InstitutionKind> kinds);

  /** The regencies and cities of a province. */
  default List<Institution> regenciesOf(String provinceCode) {
    return findByParentCodeAndKindInOrderByName(provinceCode, List.of(InstitutionKind.REGENCY, InstitutionKind.CITY));
  }

  default List<Institution> regencies() {
    return findByKindInOrderByCode(List.of(InstitutionKind.REGENCY, InstitutionKind.CITY));
  }

  /** The province a regency/city belongs to. */
  default Optional<Institution> provinceOf(Institution regency) {
    return Optional.ofNullable(regency.getParentCode())
        .flatMap(this::findById)
        .filter(i -> i.getKind() == InstitutionKind.PROVINCE);
  }
}
