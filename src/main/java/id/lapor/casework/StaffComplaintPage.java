package id.lapor.casework;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Privacy;
import id.lapor.institutions.StaffScope;
import id.lapor.institutions.StaffScopes;
import id.lapor.casework.steps.FormText;
import id.lapor.attachments.AttachmentInspector;
import id.lapor.attachments.Attachments;
import id.lapor.attachments.UploadedFile;
import id.lapor.web.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The complaint page for staff ({@code /staff/complaints/LPR-…}): what the tracking number in a
 * form, in the similar-complaints list and in the supervision lists opens. It shows the complaint,
 * its files, its timeline, who has it now (the open tasks, with a link into Tasklist) and its
 * deadlines, within the reader's institutions as {@code /api/staff/complaints} does (outside them:
 * 404, as if it did not exist); the complainant's contact only where that API shows it.
 */
@Controller
class StaffComplaintPage {

  private final Complaints complaints;
  private final StaffScopes scopes;
  private final ComplaintFormView views;
  private final TaskService tasks;
  private final IdentityService identities;
  private final InternalNotes notes;
  private final AttachmentInspector inspector;
  private final Attachments attachments;
  private final Clock clock;

  StaffComplaintPage(Complaints complaints, StaffScopes scopes, ComplaintFormView views, TaskService tasks,
      IdentityService identities, InternalNotes notes, AttachmentInspector inspector, Attachments attachments,
      Clock clock) {
    this.notes = notes;
    this.inspector = inspector;
    this.attachments = attachments;
    this.clock = clock;
    this.complaints = complaints;
    this.scopes = scopes;
    this.views = views;
    this.tasks = tasks;
    this.identities = identities;
  }

  @GetMapping("/staff/complaints/{trackingNumber}")
  @Transactional(readOnly = true)
  String show(@PathVariable String trackingNumber, Authentication caller, Model model, HttpServletResponse response) {
    Complaint c = visible(caller, trackingNumber);
    model.addAttribute("number", trackingNumber);
    if (c == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "staff/complaint";
    }
    StaffScope scope = scopes.of(caller);
    ComplaintFormView.Sheet sheet = views.sheet(c);
    model.addAttribute("c", sheet);
    if (scope.seesComplainant(c.getAddressedRegionCode(), c.getOpdCode(), c.getPrivacy() == Privacy.ANONYMOUS)) {
      // read here, inside the transaction (the page is rendered after it)
      c.getComplainant().ifPresent(p -> model.addAttribute("complainant", new Contact(p.getName(), p.getEmail(),
          p.getPhone())));
    }
    model.addAttribute("work", tasks.createTaskQuery().processInstanceBusinessKey(c.getTrackingNumber())
        .orderByDueDate().asc().list().stream().map(t -> work(t, sheet)).toList());
    model.addAttribute("notes", notes.findByComplaintIdOrderByWrittenAtAscIdAsc(c.getId()).stream()
        .map(n -> new Note(FormText.at(n.getWrittenAt(), sheet.zone()), n.getAuthor(), n.getText())).toList());
    model.addAttribute("mayAddEvidence", preparesFollowUp(caller, c));
    return "staff/complaint";
  }

  /**
   * What just happened to a complaint and who has it now, for the message Tasklist shows after a
   * task is completed ("Diteruskan ke Dinas Kesehatan. Berikutnya: Disposisi ke petugas — …").
   */
  @GetMapping(path = "/api/staff/complaints/{trackingNumber}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
  @org.springframework.web.bind.annotation.ResponseBody
  @Transactional(readOnly = true)
  Progress progress(@PathVariable String trackingNumber, Authentication caller) {
    Complaint c = visible(caller, trackingNumber);
    if (c == null) {
      throw new id.lapor.complaint.ComplaintNotFoundException(trackingNumber);
    }
    ComplaintFormView.Sheet sheet = views.sheet(c);
    var last = sheet.timeline().isEmpty() ? null : sheet.timeline().get(sheet.timeline().size() - 1);
    List<Work> next = tasks.createTaskQuery().processInstanceBusinessKey(c.getTrackingNumber()).orderByDueDate().asc()
        .list().stream().map(t -> work(t, sheet)).toList();
    return new Progress(c.getTrackingNumber(), sheet.status(), last == null ? null : last.what(), next);
  }

  /** @param happened the complaint's latest timeline entry; {@code next} its open tasks */
  record Progress(String trackingNumber, String status, String happened, List<Work> next) {}

  /** Adds a note for staff (never shown to the complainant). */
  @PostMapping("/staff/complaints/{trackingNumber}/notes")
  @Transactional
  String addNote(@PathVariable String trackingNumber, @RequestParam(defaultValue = "") String text,
      Authentication caller, Model model, HttpServletResponse response) {
    Complaint c = visible(caller, trackingNumber);
    if (c == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("number", trackingNumber);
      return "staff/complaint";
    }
    String note = text.strip();
    if (note.isEmpty() || note.length() > InternalNote.MAX_LENGTH) {
      return "redirect:/staff/complaints/" + c.getTrackingNumber() + "?noteRejected";
    }
    notes.save(new InternalNote(c.getId(), clock.instant(), caller.getName(), note));
    return "redirect:/staff/complaints/" + c.getTrackingNumber() + "?noteAdded#notes";
  }

  /**
   * Adds evidence to the follow-up the caller is preparing (photos, documents: the complainant's
   * inspection and metadata stripping); the complainant sees it once the follow-up is posted. Only
   * for whoever may work on the complaint's open "Siapkan tindak lanjut" task.
   */
  @PostMapping(path = "/staff/complaints/{trackingNumber}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Transactional
  String addEvidence(@PathVariable String trackingNumber, @RequestParam("files") List<MultipartFile> files,
      Authentication caller, Model model, HttpServletResponse response) throws java.io.IOException {
    Complaint c = visible(caller, trackingNumber);
    if (c == null || !preparesFollowUp(caller, c)) {
      response.setStatus(c == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("number", trackingNumber);
      model.addAttribute("forbidden", c != null);
      return "staff/complaint";
    }
    List<UploadedFile> uploads = new java.util.ArrayList<>();
    for (MultipartFile f : files) {
      if (!f.isEmpty()) {
        uploads.add(new UploadedFile(f.getOriginalFilename(), f.getBytes()));
      }
    }
    List<FieldProblem> problems = new java.util.ArrayList<>();
    var inspected = inspector.inspect(uploads, attachments.countOf(c.getId(), true), problems);
    if (uploads.isEmpty() || !problems.isEmpty()) {
      String why = uploads.isEmpty() ? "pilih berkas" : problems.stream().map(p -> p.field() + ": " + p.message())
          .collect(Collectors.joining("; "));
      return "redirect:/staff/complaints/" + c.getTrackingNumber() + "?evidenceRejected="
          + org.springframework.web.util.UriUtils.encodeQueryParam(why, java.nio.charset.StandardCharsets.UTF_8)
          + "#files";
    }
    attachments.storeFollowUpEvidence(c.getId(), inspected, caller.getName());
    return "redirect:/staff/complaints/" + c.getTrackingNumber() + "?evidenceAdded=" + inspected.size() + "#files";
  }

  private Complaint visible(Authentication caller, String trackingNumber) {
    return StaffComplaintApi.visibleTo(complaints, scopes.of(caller), trackingNumber).orElse(null);
  }

  /** Whether the caller may work on the complaint's open follow-up task (its assignee, or one of its groups). */
  private boolean preparesFollowUp(Authentication caller, Complaint c) {
    List<String> groups = caller.getAuthorities().stream().map(a -> a.getAuthority()).toList();
    return tasks.createTaskQuery().processInstanceBusinessKey(c.getTrackingNumber())
        .taskDefinitionKey(ComplaintTasks.PREPARE_FOLLOW_UP).list().stream()
        .anyMatch(t -> caller.getName().equals(t.getAssignee()) || (t.getAssignee() == null
            && tasks.getIdentityLinksForTask(t.getId()).stream().anyMatch(l -> IdentityLinkType.CANDIDATE.equals(
                l.getType()) && (caller.getName().equals(l.getUserId()) || groups.contains(l.getGroupId())))));
  }

  /** An open task of the complaint: what it is, who may take it, who has it, until when. */
  private Work work(Task task, ComplaintFormView.Sheet sheet) {
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> {
          Group g = identities.createGroupQuery().groupId(l.getGroupId()).singleResult();
          return g == null || g.getName() == null ? l.getGroupId() : g.getName();
        }).collect(Collectors.toList());
    return new Work(task.getId(), task.getName(), String.join(", ", groups), task.getAssignee(),
        task.getDueDate() == null ? null : FormText.at(task.getDueDate().toInstant(), sheet.zone()),
        "/camunda/app/tasklist/default/#/?task=" + task.getId());
  }

  record Note(String at, String author, String text) {}

  record Contact(String name, String email, String phone) {}

  record Work(String taskId, String name, String groups, String assignee, String due, String tasklistUrl) {}
}
