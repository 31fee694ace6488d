package id.lapor.demo;

import id.lapor.institutions.InstitutionGroups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Demo logins, all with password {@code demo}; the README lists them with their roles. */
@Component
class DemoUsers {

  static final String PASSWORD = "demo";

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("demo", "Demo", "Operator", List.of(InstitutionGroups.CAMUNDA_ADMIN)),
      new DemoUser("perancang", "Putu", "Ardana", List.of(InstitutionGroups.PROCESS_DESIGNERS)),
      new DemoUser("admin.nasional", "Rina", "Kusumawati", List.of(InstitutionGroups.NATIONAL_ADMINS)),
      new DemoUser("supervisor.bali", "Ketut", "Suardana", List.of(InstitutionGroups.provinceSupervisors("51"))),
      new DemoUser("supervisor.jatim", "Bambang", "Setiawan", List.of(InstitutionGroups.provinceSupervisors("35"))),
      new DemoUser("admin.bangli", "Ni Luh", "Sukerti", List.of(InstitutionGroups.regencyAdmins("51.06"))),
      new DemoUser("penghubung.bangli.dinkes", "I Made", "Wirata",
          List.of(InstitutionGroups.opdLiaisons("51.06.dinkes"))),
      new DemoUser("petugas.bangli.dinkes", "Ni Wayan", "Ariani",
          List.of(InstitutionGroups.opdOfficers("51.06.dinkes"))),
      new DemoUser("admin.banyuwangi", "Siti", "Rahmawati", List.of(InstitutionGroups.regencyAdmins("35.10"))),
      new DemoUser("bupati.banyuwangi", "Yusuf", "Hidayat", List.of(InstitutionGroups.regentOffice("35.10"))),
      new DemoUser("penghubung.banyuwangi.dinkes", "Agus", "Prasetyo",
          List.of(InstitutionGroups.opdLiaisons("35.10.dinkes"))),
      new DemoUser("camat.genteng", "Hadi", "Susanto", List.of(InstitutionGroups.opdLiaisons("35.10.kec-genteng"))),
      new DemoUser("petugas.banyuwangi.dinkes", "Dewi", "Lestari",
          List.of(InstitutionGroups.opdOfficers("35.10.dinkes"))),
      // Kab. Bangka Selatan: its SOP has the head of the OPD review each follow-up (plug-in FollowUpReview)
      new DemoUser("admin.bangkaselatan", "Rudi", "Hartono", List.of(InstitutionGroups.regencyAdmins("19.03"))),
      new DemoUser("penghubung.bangkaselatan.dinkes", "Sri", "Wahyuni",
          List.of(InstitutionGroups.opdLiaisons("19.03.dinkes"))),
      new DemoUser("petugas.bangkaselatan.dinkes", "Andi", "Saputra",
          List.of(InstitutionGroups.opdOfficers("19.03.dinkes"))),
      new DemoUser("kepala.bangkaselatan.dinkes", "dr. Hendra", "Gunawan",
          List.of(InstitutionGroups.opdHeads("19.03.dinkes"))));

  private final IdentityService identityService;

  DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  void create() {
    for (DemoUser u : USERS) {
      if (identityService.createUserQuery().userId(u.id()).count() == 0) {
        var user = identityService.newUser(u.id());
        user.setFirstName(u.firstName());
        user.setLastName(u.lastName());
        user.setEmail(u.id() + "@demo.lapor.invalid");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
      }
      for (String group : u.groups()) {
        if (identityService.createUserQuery().userId(u.id()).memberOfGroup(group).count() == 0) {
          identityService.createMembership(u.id(), group);
        }
      }
    }
  }

  List<String> groupsOf(String userId) {
    return USERS.stream().filter(u -> u.id().equals(userId)).findFirst().map(DemoUser::groups).orElse(List.of());
  }
}
