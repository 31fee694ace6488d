package id.lapor.notifications;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintEvent;
import id.lapor.complaint.ComplaintEvent.ComplaintEscalated;
import id.lapor.complaint.ComplaintEvent.OpdReminded;
import id.lapor.complaint.EscalationLevel;
import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionGroups;
import id.lapor.institutions.Institutions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Tells staff, in the transaction that changes the complaint: the OPD's officer (else its liaison
 * officers) when the follow-up deadline comes near, and the supervisors of the institution an
 * overdue complaint is escalated to. Each person may opt out ({@link StaffNoticePreferences});
 * people without an email address are not written to.
 */
@Component
class StaffNoticeWriter {

  static final Locale INDONESIAN = Locale.forLanguageTag("id");
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", INDONESIAN);

  private final StaffNotices notices;
  private final StaffNoticePreferences preferences;
  private final IdentityService identities;
  private final Institutions institutions;
  private final NotificationProperties properties;
  private final Clock clock;

  StaffNoticeWriter(StaffNotices notices, StaffNoticePreferences preferences, IdentityService identities,
      Institutions institutions, NotificationProperties properties, Clock clock) {
    this.notices = notices;
    this.preferences = preferences;
    this.identities = identities;
    this.institutions = institutions;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener
  void on(ComplaintEvent event) {
    if (event instanceof OpdReminded reminded) {
      Complaint c = reminded.complaint();
      Set<String> to = new LinkedHashSet<>();
      c.getOfficer().ifPresentOrElse(to::add, () -> to.addAll(members(List.of(
          InstitutionGroups.opdLiaisons(reminded.opdCode())))));
      write(to, StaffNotice.Kind.REMINDER, "Pengingat: tenggat tindak lanjut " + c.getTrackingNumber(),
          "Tenggat tindak lanjut pengaduan ini segera tiba.", c);
    } else if (event instanceof ComplaintEscalated escalated) {
      Complaint c = escalated.complaint();
      String group = switch (escalated.level()) {
        case REGENT -> InstitutionGroups.regentOffice(escalated.targetCode());
        case PROVINCE -> InstitutionGroups.provinceSupervisors(escalated.targetCode());
        case NATIONAL -> InstitutionGroups.NATIONAL_ADMINS;
        case NONE -> null;
      };
      if (group != null) {
        write(members(List.of(group)), StaffNotice.Kind.ESCALATION, "Eskalasi: " + c.getTrackingNumber()
            + " terlambat ditindaklanjuti", "Pengaduan ini melewati tenggat tindak lanjut "
            + name(c.getOpdCode().orElse(c.getAddressedRegionCode())) + " dan dieskalasi kepada Anda ("
            + escalationName(escalated.level()) + "). Tugas \"Awasi pengaduan terlambat\" menunggu di Tasklist.", c);
      }
    }
  }

  private void write(Collection<String> users, StaffNotice.Kind kind, String subject, String lead, Complaint c) {
    if (users.isEmpty()) {
      return;
    }
    ZoneId zone = institutions.zoneOf(c.getAddressedRegionCode());
    String body = lead + "\n\n" + c.getTrackingNumber() + " — " + c.getTitle() + "\n"
        + "Instansi: " + name(c.getOpdCode().orElse(c.getAddressedRegionCode())) + "\n"
        + c.getCurrentDeadline().map(d -> "Tenggat: " + AT.format(d.atZone(zone)) + " " + Institution.zoneName(zone)
            + "\n").orElse("")
        + "\n" + staffPage(c.getTrackingNumber()) + "\n";
    Instant now = clock.instant();
    List<StaffNotice> owed = new ArrayList<>();
    for (String user : users) {
      if (preferences.wantsEmail(user)) {
        owed.add(new StaffNotice(user, kind, subject, body, now));
      }
    }
    notices.saveAll(owed);
  }

  /** The members of these groups who have an email address. */
  List<String> members(Collection<String> groups) {
    Set<String> users = new LinkedHashSet<>();
    for (String group : groups) {
      for (User u : identities.createUserQuery().memberOfGroup(group).list()) {
        if (u.getEmail() != null && !u.getEmail().isBlank()) {
          users.add(u.getId());
        }
      }
    }
    return List.copyOf(users);
  }

  String staffPage(String trackingNumber) {
    return UriComponentsBuilder.fromUri(properties.publicUrl()).path("/staff/complaints/{n}")
        .buildAndExpand(trackingNumber).toUriString();
  }

  String name(String code) {
    return institutions.findById(code).map(Institution::getName).orElse(code);
  }

  private static String escalationName(EscalationLevel level) {
    return switch (level) {
      case REGENT -> "kantor bupati/wali kota";
      case PROVINCE -> "supervisor provinsi";
      case NATIONAL -> "Admin Nasional";
      case NONE -> "-";
    };
  }
}
