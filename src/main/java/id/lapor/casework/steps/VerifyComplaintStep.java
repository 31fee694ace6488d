package id.lapor.casework.steps;

import static id.lapor.casework.ProcessVariables.ARCHIVE_NOTE;
import static id.lapor.casework.ProcessVariables.ARCHIVE_REASON;
import static id.lapor.casework.ProcessVariables.INFORMATION_REQUEST;
import static id.lapor.casework.ProcessVariables.MASTER_TRACKING_NUMBER;
import static id.lapor.casework.ProcessVariables.OPD_CODE;
import static id.lapor.casework.ProcessVariables.REFERRAL_REASON;
import static id.lapor.casework.ProcessVariables.TRANSFER_REASON;
import static id.lapor.casework.ProcessVariables.TRANSFER_TO;
import static id.lapor.casework.ProcessVariables.VERIFICATION_DECISION;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TimelineEventType;
import id.lapor.duplicates.DuplicateCandidates;
import id.lapor.institutions.InstitutionGroups;
import id.lapor.routing.RoutingSuggestions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * "Verifikasi pengaduan": the regency admin (or, once a complaint bounced, the province's
 * supervisors) forwards it to one of the regency's OPDs, asks the complainant for more, archives it
 * with a reason, refers it to the national admin, merges it into the open complaint it repeats, or
 * transfers it to the institution with authority. The form shows the complainant's contact (to the
 * regency's admins only), the routing suggestion and the open complaints like it.
 */
@Component
class VerifyComplaintStep implements TaskStep {

  /** What the admin decides. */
  enum VerificationDecision { FORWARD, REQUEST_INFORMATION, ARCHIVE, NOT_WITHIN_AUTHORITY, MERGE, TRANSFER }

  private final InstitutionOptions institutions;
  private final Complaints complaints;
  private final IdentityService identityService;
  private final RoutingSuggestions routing;
  private final DuplicateCandidates duplicates;

  VerifyComplaintStep(InstitutionOptions institutions, Complaints complaints, IdentityService identityService,
      RoutingSuggestions routing, DuplicateCandidates duplicates) {
    this.institutions = institutions;
    this.complaints = complaints;
    this.identityService = identityService;
    this.routing = routing;
    this.duplicates = duplicates;
  }

  @Override
  public String form() {
    return "VerifyComplaint";
  }

  @Override
  public List<String> fields() {
    return List.of(VERIFICATION_DECISION, OPD_CODE, ARCHIVE_REASON, ARCHIVE_NOTE, INFORMATION_REQUEST,
        REFERRAL_REASON, MASTER_TRACKING_NUMBER, TRANSFER_TO, TRANSFER_REASON);
  }

  @Override
  public void check(Decision d) {
    VerificationDecision decision = d.oneOf(VERIFICATION_DECISION, VerificationDecision.class);
    if (decision == null) {
      return;
    }
    Complaint complaint = d.complaint();
    switch (decision) {
      case FORWARD -> {
        if (!institutions.isOpdOf(complaint, d.text(OPD_CODE))) {
          d.problem(OPD_CODE, "choose one of the OPDs of " + complaint.getAddressedRegionCode());
        }
      }
      case REQUEST_INFORMATION -> d.requireText(INFORMATION_REQUEST);
      case ARCHIVE -> ArchiveReasons.check(d);
      case NOT_WITHIN_AUTHORITY -> d.requireText(REFERRAL_REASON);
      case MERGE -> merge(d);
      case TRANSFER -> transfer(d);
    }
  }

  /** The master must be another open complaint of the same regency (or addressed to the same institution). */
  private void merge(Decision d) {
    Complaint complaint = d.complaint();
    String number = d.text(MASTER_TRACKING_NUMBER);
    Complaint master = number == null ? null
        : complaints.findByTrackingNumber(number.strip().toUpperCase()).orElse(null);
    if (master == null) {
      d.problem(MASTER_TRACKING_NUMBER, "the tracking number of an open complaint it duplicates");
    } else if (master.getId().equals(complaint.getId())) {
      d.problem(MASTER_TRACKING_NUMBER, "a complaint cannot be merged into itself");
    } else if (!master.getStatus().isOpen() || master.getMergedIntoTrackingNumber().isPresent()) {
      d.problem(MASTER_TRACKING_NUMBER, master.getTrackingNumber() + " is not open");
    } else if (!master.getAddressedRegionCode().equals(complaint.getAddressedRegionCode())
        && !(master.getTargetInstitutionCode().isPresent()
            && master.getTargetInstitutionCode().equals(complaint.getTargetInstitutionCode()))) {
      d.problem(MASTER_TRACKING_NUMBER, master.getTrackingNumber()
          + " is handled by another institution; transfer this complaint there instead");
    }
  }

  /** Another regency, city or national body, and a reason (past the SOP's limit the province decides). */
  private void transfer(Decision d) {
    String target = d.text(TRANSFER_TO);
    if (!institutions.verifies(target)) {
      d.problem(TRANSFER_TO, "choose a registered regency, city or national body");
    } else if (target.equals(d.complaint().getAddressedRegionCode())) {
      d.problem(TRANSFER_TO, "the complaint is already here");
    }
    d.requireText(TRANSFER_REASON);
  }

  @Override
  public void show(TaskView view) {
    Complaint c = view.complaint();
    view.text("complaintComplainant", complainant(view));
    routingSuggestion(view);
    var similar = duplicates.similarTo(c);
    view.text("duplicateCandidates", duplicateList(view, similar));
    // the master is picked from the similar open complaints (merge() checks it again when the task completes)
    view.options("masterOptions", similar.stream()
        .filter(h -> id.lapor.complaint.ComplaintStatus.valueOf(h.status()).isOpen())
        .map(h -> new TaskView.Option(h.trackingNumber() + " — " + h.title() + " ("
            + String.format(FormText.INDONESIAN, "%.0f%%", 100 * h.score()) + ")", h.trackingNumber()))
        .toList());
    view.options("transferOptions", institutions.verifyingInstitutionsBut(c.getAddressedRegionCode()));
    view.options("opdOptions", institutions.opdsOf(c, null));
  }

  /**
   * The complainant's contact, for the regency's admins only (who may need to reach them, anonymous
   * complainants included); anyone else reading the form (a supervisor, the national admins) sees
   * that it is withheld.
   */
  private String complainant(TaskView view) {
    Complaint c = view.complaint();
    var viewer = identityService.getCurrentAuthentication();
    boolean regencyAdmin = viewer != null && viewer.getGroupIds() != null
        && viewer.getGroupIds().contains(InstitutionGroups.regencyAdmins(c.getAddressedRegionCode()));
    if (!regencyAdmin) {
      return view.label("form.contactWithheld");
    }
    String prefix = c.getPrivacy() == Privacy.ANONYMOUS ? view.label("form.anonymous") + " — " : "";
    return prefix + c.getComplainant().map(p -> {
      StringJoiner j = new StringJoiner(" · ");
      for (String part : new String[] {p.getName(), p.getEmail(), p.getPhone()}) {
        if (part != null && !part.isBlank()) {
          j.add(part);
        }
      }
      return j.toString();
    }).orElse("-");
  }

  /**
   * Who should act on it: the suggestion of the OPD that last returned it, if it named one, else
   * Routing.dmn's (never an OPD that returned it). An OPD of the regency is pre-selected.
   */
  private void routingSuggestion(TaskView view) {
    Complaint c = view.complaint();
    List<TimelineEntry> returns = c.getTimeline().stream().filter(e -> e.getType() == TimelineEventType.RETURNED)
        .toList();
    Optional<TimelineEntry> lastReturn = returns.isEmpty() ? Optional.empty()
        : Optional.of(returns.get(returns.size() - 1));
    Optional<String> named = lastReturn.map(TimelineEntry::getReasonCode).filter(institutions::exists);
    String text;
    Optional<String> preselect;
    if (named.isPresent()) {
      text = view.label("form.routing.returned", institutions.nameOf(lastReturn.get().getInstitutionCode()),
          institutions.nameOf(named.get()));
      preselect = named.filter(code -> institutions.isOpdOf(c, code));
    } else {
      Set<String> returnedBy = returns.stream().map(TimelineEntry::getInstitutionCode).filter(Objects::nonNull)
          .collect(Collectors.toSet());
      var suggested = routing.suggest(c.getAddressedRegionCode(), c.getCategory(), c.getTitle(), c.getDescription(),
          returnedBy);
      text = suggested.map(s -> view.label(s.withinRegency() ? "form.routing.opd" : "form.routing.elsewhere",
          s.name(), String.join("; ", s.reasons()))).orElse(view.label("form.routing.none"));
      preselect = suggested.filter(RoutingSuggestions.Suggested::withinRegency).map(RoutingSuggestions.Suggested::code);
    }
    view.text("routingSuggestion", text);
    // pre-selected; the admin may choose another OPD
    preselect.ifPresent(code -> view.text(OPD_CODE, code));
  }

  /** Open complaints like this one, as a Markdown list with their scores and links (staff detail). */
  private String duplicateList(TaskView view, List<id.lapor.duplicates.DuplicateIndex.Hit> hits) {
    if (hits.isEmpty()) {
      return view.label("form.duplicates.none");
    }
    StringJoiner list = new StringJoiner("\n");
    for (var h : hits) {
      list.add("- [" + h.trackingNumber() + "](" + FormText.staffPage(h.trackingNumber()) + ") "
          + String.format(FormText.INDONESIAN, "%.0f%%", 100 * h.score()) + " — " + FormText.markdownLine(h.title())
          + " (" + view.label("status." + h.status()) + ", " + view.at(h.submittedAt()) + ")");
    }
    return list.toString();
  }
}
