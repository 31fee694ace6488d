package id.lapor.institutions;

import java.time.ZoneId;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers institutions and keeps the identity store in step: registering an institution creates
 * the Camunda groups its roles work in, so its people can be given tasks at once, and for a
 * regency/city the Camunda tenant its complaints live in, with the groups that may see them.
 */
@Service
public class InstitutionRegistry {

  private final Institutions institutions;
  private final IdentityService identityService;
  private final RoleAuthorizations roleAuthorizations;

  InstitutionRegistry(Institutions institutions, IdentityService identityService,
      RoleAuthorizations roleAuthorizations) {
    this.institutions = institutions;
    this.identityService = identityService;
    this.roleAuthorizations = roleAuthorizations;
  }

  /**
   * Creates the role groups no institution owns (process designers, operators) and brings every
   * registered institution's groups, tenant and authorizations up to date: run at every start, so
   * an upgrade gives existing institutions what new ones get.
   */
  @Transactional
  public void synchronize() {
    ensureGroup(InstitutionGroups.CAMUNDA_ADMIN, "Operator (camunda-admin)");
    roleAuthorizations.grant(InstitutionGroups.CAMUNDA_ADMIN);
    ensureGroup(InstitutionGroups.PROCESS_DESIGNERS, "Perancang proses");
    roleAuthorizations.grant(InstitutionGroups.PROCESS_DESIGNERS);
    roleAuthorizations.grantToEveryone(Resources.USER, Authorization.ANY, Permissions.READ);
    roleAuthorizations.grantToEveryone(Resources.GROUP, Authorization.ANY, Permissions.READ);
    for (Institution institution : institutions.findAll(Sort.by("code"))) {
      register(institution.getCode(), institution.getName(), institution.getKind(), institution.getParentCode(),
          institution.getTimeZone());
    }
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
      roleAuthorizations.grant(group.id());
    }
    tenantOf(institution).ifPresent(tenant -> {
      if (institution.getKind().verifiesComplaints()) {
        ensureTenant(tenant, institution.getName());
        // those above the regency see its complaints: its province, the national admins, designers
        institutions.findById(institution.getParentCode()).map(Institution::getCode)
            .ifPresent(province -> ensureTenantMembership(tenant, InstitutionGroups.provinceSupervisors(province)));
        ensureTenantMembership(tenant, InstitutionGroups.NATIONAL_ADMINS);
        ensureTenantMembership(tenant, InstitutionGroups.PROCESS_DESIGNERS);
      }
      institution.groups().all().forEach(group -> ensureTenantMembership(tenant, group.id()));
    });
    return institution;
  }

  /**
   * The Camunda tenant an institution's complaints live in: its regency/city (region code) or, for a
   * national body, its own code. The national level and provinces have none; they are members of
   * their regencies' tenants.
   */
  public Optional<String> tenantOf(Institution institution) {
    return switch (institution.getKind()) {
      case REGENCY, CITY, AGENCY -> Optional.of(institution.getCode());
      case OPD -> Optional.of(institution.getParentCode());
      case NATIONAL, PROVINCE -> Optional.empty();
    };
  }

  private void ensureTenant(String id, String name) {
    if (identityService.createTenantQuery().tenantId(id).count() == 0) {
      var tenant = identityService.newTenant(id);
      tenant.setName(name);
      identityService.saveTenant(tenant);
    }
  }

  private void ensureTenantMembership(String tenant, String group) {
    if (identityService.createGroupQuery().groupId(group).count() > 0
        && identityService.createTenantQuery().tenantId(tenant).groupMember(group).count() == 0) {
      identityService.createTenantGroupMembership(tenant, group);
    }
  }

  /** Creates a Camunda group unless it exists; used for the role groups no institution owns. */
  /** Records a decree (without its document) for an institution that has none yet; for the demo's registry. */
  @Transactional
  public void recordDecreeIfMissing(String code, String number, java.time.LocalDate date) {
    institutions.findById(code).filter(i -> i.getDecree().isEmpty()).ifPresent(i -> i.recordDecree(number, date,
        null, null));
  }

  @Transactional
  public void ensureGroup(String id, String name) {
    // with a directory (LDAP identity plugin) the groups are made there, under the same names
    if (!identityService.isReadOnly() && identityService.createGroupQuery().groupId(id).count() == 0) {
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
    if (parentCode == null) {
      throw new IllegalArgumentException("a " + kind + " needs the code of the institution above it");
    }
    Institution parent = institutions.findById(parentCode)
        .orElseThrow(() -> new IllegalArgumentException("Unknown parent institution " + parentCode));
    boolean fits = switch (kind) {
      case PROVINCE, AGENCY -> parent.getKind() == InstitutionKind.NATIONAL;
      case REGENCY, CITY -> parent.getKind() == InstitutionKind.PROVINCE;
      case OPD -> parent.isRegencyLevel();
      case NATIONAL -> true;
    };
    if (!fits) {
      throw new IllegalArgumentException(kind + " cannot belong to " + parent);
    }
  }
}
