package id.lapor.institutions;

import java.time.ZoneId;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers institutions and keeps the identity store in step: registering an institution creates
 * the Camunda groups its roles work in, so its people can be given tasks at once.
 */
@Service
public class InstitutionRegistry {

  private final Institutions institutions;
  private final IdentityService identityService;

  InstitutionRegistry(Institutions institutions, IdentityService identityService) {
    this.institutions = institutions;
    this.identityService = identityService;
  }

  /**
   * Registers an institution (or returns the existing one with that code) and creates its groups.
   *
   * @throws IllegalArgumentException when the parent is unknown or of the wrong level
   */
  @Transactional
  public Institution register(
      String code, String name, InstitutionKind kind, String parentCode, ZoneId timeZone) {
    Institution institution = institutions.findById(code).orElseGet(() -> {
      checkParent(kind, parentCode);
      return institutions.save(new Institution(code, name, kind, parentCode, timeZone));
    });
    for (InstitutionGroups.Group group : institution.groups().all()) {
      ensureGroup(group.id(), group.name());
    }
    return institution;
  }

  /** Creates a Camunda group unless it exists; used for the role groups no institution owns. */
  @Transactional
  public void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      var group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void checkParent(InstitutionKind kind, String parentCode) {
    if (kind == InstitutionKind.NATIONAL) {
      return;
    }
    Institution parent = institutions.findById(parentCode)
        .orElseThrow(() -> new IllegalArgumentException("Unknown parent institution " + parentCode));
    boolean fits = switch (kind) {
      case PROVINCE -> parent.getKind() == InstitutionKind.NATIONAL;
      case REGENCY, CITY -> parent.getKind() == InstitutionKind.PROVINCE;
      case OPD -> parent.isRegencyLevel();
      case NATIONAL -> true;
    };
    if (!fits) {
      throw new IllegalArgumentException(kind + " cannot belong to " + parent);
    }
  }
}
