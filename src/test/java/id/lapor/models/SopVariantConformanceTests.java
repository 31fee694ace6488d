package id.lapor.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.ArchiveReason;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.ReplyDecision;
import id.lapor.complaint.Resolution;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TimelineEventType;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import id.lapor.intake.ComplaintIntake;
import id.lapor.intake.ComplaintIntake.Submission;
import id.lapor.models.ComplaintProcessRules.Violation;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SOP conformance suite: the lifecycle scenarios run against the national model as every region
 * runs it — with the shared plug-ins, and with each region's own plug-ins ({@code FirstResponse},
 * {@code FollowUpReview} deployed for its tenant) — driven only through the forms the tasks name, so
 * a designer's new task or path is exercised without changing this test. After every step it checks
 * that the complaint is waiting on a task that somebody can pick up and that has a due date, or on a
 * timer; in the end the complaint must be resolved or archived with a reason. A broken plug-in fails
 * with its region, the scenario and the rule it breaks.
 */
@LaporTest
class SopVariantConformanceTests {

  static final String PROCESS_KEY = "ComplaintHandling";
  static final int MAX_STEPS = 80;
  /** Tue 10 March 2026, 09:00 WITA. */
  static final Instant T0 = Instant.parse("2026-03-10T01:00:00Z");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ComplaintIntake intake;
  @Autowired Complaints complaints;
  @Autowired Institutions institutions;
  @Autowired Casework casework;
  @Autowired TransactionTemplate tx;
  @Autowired id.lapor.casework.ComplaintOwners owners;

  @AfterEach
  void resetClock() {
    casework.resetClock();
  }

  @TestFactory
  Stream<DynamicContainer> theNationalModelWithEveryRegionsPlugInsPassesEveryLifecycleScenario() {
    ProcessDefinition national = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .withoutTenantId().latestVersion().singleResult();
    List<ProcessDefinition> plugIns = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKeyIn(DeploymentRules.PLUG_INS.toArray(String[]::new)).latestVersion().list();
    Map<String, List<ProcessDefinition>> byRegion = plugIns.stream().filter(d -> d.getTenantId() != null)
        .collect(Collectors.groupingBy(ProcessDefinition::getTenantId, java.util.TreeMap::new, Collectors.toList()));
    assertThat(byRegion).as("regions with plug-ins of their own").containsKeys("35.10", "19.03");
    String plain = institutions.regencies().stream().map(Institution::getCode)
        .filter(code -> !byRegion.containsKey(code)).findFirst().orElseThrow();
    Map<String, List<ProcessDefinition>> variants = new java.util.LinkedHashMap<>();
    variants.put(plain, plugIns.stream().filter(d -> d.getTenantId() == null).toList());
    variants.putAll(byRegion);
    return variants.entrySet().stream().map(variant -> {
      String region = variant.getKey();
      String name = "national v" + national.getVersion() + " in " + region + " with "
          + variant.getValue().stream().map(d -> d.getKey() + (d.getTenantId() == null ? " (shared)" : " of " + region))
              .sorted().collect(Collectors.joining(", "));
      List<String> roots = new ArrayList<>();
      List<DynamicTest> tests = new ArrayList<>();
      tests.add(DynamicTest.dynamicTest("keeps the model rules", () -> {
        for (ProcessDefinition model : Stream.concat(Stream.of(national), variant.getValue().stream()).toList()) {
          List<Violation> violations = ComplaintProcessRules.check(
              repositoryService.getBpmnModelInstance(model.getId()), ComplaintProcessRulesTests.formKeys());
          assertThat(violations).as(name + ", " + model.getKey() + ":\n" + violations.stream()
              .map(Violation::toString).collect(Collectors.joining("\n"))).isEmpty();
        }
      }));
      for (Scenario scenario : Scenario.values()) {
        tests.add(DynamicTest.dynamicTest(scenario.description,
            () -> roots.add(run(name, national, region, scenario))));
      }
      tests.add(DynamicTest.dynamicTest("called the region's own plug-ins", () -> {
        for (ProcessDefinition plugIn : variant.getValue()) {
          long calls = roots.stream().mapToLong(root -> historyService.createHistoricProcessInstanceQuery()
              .superProcessInstanceId(root).processDefinitionId(plugIn.getId()).count()).sum();
          assertThat(calls).as(name + ": calls of " + plugIn.getKey()).isPositive();
        }
      }));
      return DynamicContainer.dynamicContainer(name, tests);
    });
  }

  /** Runs one scenario with a complaint in {@code region}; returns its process instance's id. */
  private String run(String variantName, ProcessDefinition national, String region, Scenario scenario) {
    casework.setClock(T0);
    Submission s = intake.submit(complaintIn(region));
    String where = variantName + ", scenario \"" + scenario.description + "\", " + s.trackingNumber();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(s.trackingNumber()).rootProcessInstances()
        .singleResult();
    assertThat(pi.getProcessDefinitionId()).as(where + ": started on the national model").isEqualTo(national.getId());
    Map<String, Integer> visits = new HashMap<>();
    int replies = 0;
    for (int step = 0; step < MAX_STEPS; step++) {
      if (ended(pi.getId())) {
        assertEnd(where, scenario, complaint(s));
        return pi.getId();
      }
      // the complaint's tasks, in its own instance and in the plug-ins it called
      List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(s.trackingNumber())
          .orderByTaskCreateTime().asc().list();
      assertSomebodyWaits(where, pi.getId(), tasks);
      java.util.Optional<String> ownerProblem = tx.execute(t ->
          owners.problem(complaints.getByTrackingNumber(s.trackingNumber())));
      assertThat(ownerProblem).as(where + ": invariant \"one owner, somebody named waits\"").isEmpty();
      Complaint c = complaint(s);
      boolean acted = false;
      for (Task task : tasks) {
        String form = formOf(task);
        int visit = visits.merge(form, 1, Integer::sum);
        Map<String, Object> answer = scenario.answer(form, visit, c, this::otherOpd);
        if (answer == null) {
          visits.merge(form, -1, Integer::sum);
          continue;
        }
        taskService.complete(task.getId(), answer);
        acted = true;
        break;
      }
      if (acted) {
        continue;
      }
      if (c.getStatus() == ComplaintStatus.AWAITING_INFORMATION && scenario.supplements) {
        intake.supplement(s.trackingNumber(), s.followUpToken(), "Lokasinya di depan Puskesmas Susut I.");
        continue;
      }
      if (c.getStatus() == ComplaintStatus.ANSWERED && replies < scenario.replies.size()) {
        ReplyDecision decision = scenario.replies.get(replies++);
        intake.reply(s.trackingNumber(), s.followUpToken(), decision, decision == ReplyDecision.ACCEPT ? 5 : 2,
            decision == ReplyDecision.DISPUTE ? "Belum ada perubahan di lapangan." : null);
        continue;
      }
      Job next = timers(pi.getId()).stream().min(Comparator.comparing(Job::getDuedate))
          .orElseGet(() -> fail(where + ": rule \"nothing waits with no task for anyone\" broken: the complaint waits at "
              + runtimeService.getActiveActivityIds(pi.getId()) + " with no task to act on and no timer"));
      if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(new java.util.Date(next.getDuedate().getTime() + 60_000));
      }
      managementService.executeJob(next.getId());
    }
    return fail(where + ": still open after " + MAX_STEPS + " steps, waiting at "
        + runtimeService.getActiveActivityIds(pi.getId()));
  }

  /**
   * A complaint in {@code region}, located in a district that has a registered district office when
   * there is one, so variants that involve the camat are exercised.
   */
  private NewComplaint complaintIn(String region) {
    NewComplaint base = ComplaintFixtures.aPublicComplaintIn(region);
    String district = institutions.opdsOf(region).stream().filter(i -> i.getCode().contains(".kec-"))
        .map(i -> i.getName().replaceFirst("^Kecamatan ", "")).findFirst().orElse(base.location().district());
    return new NewComplaint(base.classification(), base.title(), base.description(), base.category(),
        base.incidentDate(), new Location(region, district, null, null), base.channel(), base.privacy(),
        base.complainant());
  }

  private void assertSomebodyWaits(String where, String processInstanceId, List<Task> tasks) {
    for (Task task : tasks) {
      List<IdentityLink> candidates = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null).toList();
      assertThat(task.getAssignee() != null || !candidates.isEmpty())
          .as(where + ": rule \"nothing waits with no task for anyone\": " + task.getTaskDefinitionKey()
              + " has neither an assignee nor a candidate group").isTrue();
      assertThat(task.getDueDate()).as(where + ": rule \"every wait has a deadline\": "
          + task.getTaskDefinitionKey() + " has no due date").isNotNull();
      for (IdentityLink group : candidates) {
        assertThat(group.getGroupId()).as(where + ": " + task.getTaskDefinitionKey()
            + " names a group that does not exist").satisfies(id ->
            assertThat(casework.groupExists(id)).as(id).isTrue());
      }
    }
    if (tasks.isEmpty()) {
      assertThat(timers(processInstanceId).size())
          .as(where + ": rule \"every wait has a deadline\": waiting at "
              + runtimeService.getActiveActivityIds(processInstanceId) + " with no task and no timer")
          .isPositive();
    }
  }

  private void assertEnd(String where, Scenario scenario, Complaint c) {
    assertThat(c.getStatus()).as(where + ": rule \"a complaint only ends resolved, archived with a reason, or "
        + "merged/transferred\"").isIn(ComplaintStatus.RESOLVED, ComplaintStatus.ARCHIVED);
    if (c.getStatus() == ComplaintStatus.ARCHIVED) {
      assertThat(c.getArchiveReason()).as(where + ": archived without a reason").isPresent();
    }
    assertThat(c.getStatus()).as(where + ": expected outcome").isEqualTo(scenario.endStatus);
    if (scenario.resolution != null) {
      assertThat(c.getResolution()).as(where).contains(scenario.resolution);
    }
    if (scenario.archiveReason != null) {
      assertThat(c.getArchiveReason()).as(where).contains(scenario.archiveReason);
    }
    assertThat(c.getTimeline()).extracting(TimelineEntry::getType).as(where + ": what the scenario went through")
        .containsAll(scenario.passes());
  }

  /** The timers of the complaint's instance and of the plug-ins it called. */
  private List<Job> timers(String processInstanceId) {
    List<String> ids = new ArrayList<>(List.of(processInstanceId));
    for (int i = 0; i < ids.size(); i++) {
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
          .forEach(called -> ids.add(called.getId()));
    }
    return ids.stream().flatMap(id -> managementService.createJobQuery().processInstanceId(id).timers().list()
        .stream()).toList();
  }

  private boolean ended(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
  }

  private Complaint complaint(Submission s) {
    return tx.execute(status -> {
      Complaint c = complaints.getByTrackingNumber(s.trackingNumber());
      c.getTimeline().size();
      return c;
    });
  }

  private String formOf(Task task) {
    return repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
        .<org.camunda.bpm.model.bpmn.instance.UserTask>getModelElementById(task.getTaskDefinitionKey())
        .getCamundaFormRef();
  }

  /** An OPD of the regency other than the complaint's current one (for reassignment). */
  private String otherOpd(Complaint c) {
    return institutions.opdsOf(c.getAddressedRegionCode()).stream().map(Institution::getCode)
        .filter(code -> !code.equals(c.getOpdCode().orElse(null)) && !code.contains(".kec-"))
        .findFirst().orElseThrow();
  }

  /** What the people at each form do in a scenario; null leaves the task open while time passes. */
  enum Scenario {
    ACCEPTED("follow-up accepted", ComplaintStatus.RESOLVED, Resolution.ACCEPTED, null, false,
        List.of(ReplyDecision.ACCEPT)) {
      @Override
      Map<String, Object> verify(int visit, Complaint c, OtherOpd other) {
        return forward(c);
      }
    },
    NO_REPLY("follow-up left unanswered", ComplaintStatus.RESOLVED, Resolution.NO_REPLY, null, false, List.of()) {
      @Override
      Map<String, Object> verify(int visit, Complaint c, OtherOpd other) {
        return forward(c);
      }
    },
    DISPUTED("follow-up disputed, answered again, accepted", ComplaintStatus.RESOLVED, Resolution.ACCEPTED, null,
        false, List.of(ReplyDecision.DISPUTE, ReplyDecision.ACCEPT)) {
      @Override
      Map<String, Object> verify(int visit, Complaint c, OtherOpd other) {
        return forward(c);
      }
    },
    INCOMPLETE("incomplete report never completed", ComplaintStatus.ARCHIVED, null, ArchiveReason.INCOMPLETE,
        false, List.of()) {
      @Override
      Map<String, Object> verify(int visit, Complaint c, OtherOpd other) {
        return Map.of(ProcessVariables.VERIFICATION_DECISION, "REQUEST_INFORMATION",
            ProcessVariables.INFORMATION_REQUEST, "Di puskesmas mana tepatnya?");
      }
    },
    SUPPLEMENTED("supplemented, then archived", ComplaintStatus.ARCHIVED, null, ArchiveReason.UNINTELLIGIBLE,
        true, List.of()) {
      @Override
      Map<String, Object> verify(int visit, Complaint c, OtherOpd other) {
        return visit == 1
            ? Map.of(ProcessVariables.VERIFICATION_DECISION, "REQUEST_INFORMATION",
                ProcessVariables.INFORMATION_REQUEST, "Di puskesmas mana tepatnya?")
            : Map.of(ProcessVariables.VERIFICATION_DECISION, "ARCHIVE",
                ProcessVariables.ARCHIVE_REASON, "UNINTELLIGIBLE");
      }
    },
    NOT_WITHIN_AUTHORITY("not within the regency's authority, archived nationally", ComplaintStatus.ARCHIVED, null,
        ArchiveReason.ASPIRATION_NEEDS_NO_ANSWER, false, List.of()) {
      @Override
      Map<String, Object> verify(int visit, Complaint c, OtherOpd other) {
        return Map.of(ProcessVariables.VERIFICATION_DECISION, "NOT_WITHIN_AUTHORITY",
            ProcessVariables.REFERRAL_REASON, "Urusan kementerian.");
      }
    },
    RETURNED("returned by the OPD, archived by the admin", ComplaintStatus.ARCHIVED, null, ArchiveReason.ABUSIVE,
        false, List.of()) {
      @Override
      Map<String, Object> verify(int visit, Complaint c, OtherOpd other) {
        return visit == 1 ? forward(c)
            : Map.of(ProcessVariables.VERIFICATION_DECISION, "ARCHIVE", ProcessVariables.ARCHIVE_REASON, "ABUSIVE");
      }

      @Override
      Map<String, Object> dispose(int visit, Complaint c) {
        return Map.of(ProcessVariables.DISPOSITION_DECISION, "RETURN", ProcessVariables.RETURN_REASON, "Bukan kami.");
      }
    },
    LATE_OPD("late OPD: extended, escalated twice, reassigned, then answered", ComplaintStatus.RESOLVED,
        Resolution.NO_REPLY, null, false, List.of()) {
      @Override
      Map<String, Object> verify(int visit, Complaint c, OtherOpd other) {
        return forward(c);
      }

      @Override
      Map<String, Object> dispose(int visit, Complaint c) {
        // the first OPD never acts; the OPD it is reassigned to does
        return c.getTimeline().stream().anyMatch(e -> e.getType() == TimelineEventType.REASSIGNED)
            ? super.dispose(visit, c) : null;
      }

      @Override
      Map<String, Object> supervise(int visit, Complaint c, OtherOpd other) {
        return switch (visit) {
          case 1 -> Map.of(ProcessVariables.SUPERVISION_ACTION, "EXTEND",
              ProcessVariables.SUPERVISION_NOTE, "Menunggu data dari puskesmas.");
          case 2 -> Map.of(ProcessVariables.SUPERVISION_ACTION, "PUSH", ProcessVariables.SUPERVISION_NOTE, "Ditegur.");
          default -> Map.of(ProcessVariables.SUPERVISION_ACTION, "REASSIGN",
              ProcessVariables.REASSIGN_OPD_CODE, other.of(c), ProcessVariables.SUPERVISION_NOTE, "Dialihkan.");
        };
      }
    };

    final String description;
    final ComplaintStatus endStatus;
    final Resolution resolution;
    final ArchiveReason archiveReason;
    final boolean supplements;
    final List<ReplyDecision> replies;

    Scenario(String description, ComplaintStatus endStatus, Resolution resolution, ArchiveReason archiveReason,
        boolean supplements, List<ReplyDecision> replies) {
      this.description = description;
      this.endStatus = endStatus;
      this.resolution = resolution;
      this.archiveReason = archiveReason;
      this.supplements = supplements;
      this.replies = replies;
    }

    abstract Map<String, Object> verify(int visit, Complaint c, OtherOpd other);

    /** Timeline events the scenario must have caused. */
    Set<TimelineEventType> passes() {
      return switch (this) {
        case ACCEPTED -> Set.of(TimelineEventType.FORWARDED, TimelineEventType.FOLLOW_UP_ACCEPTED);
        case NO_REPLY -> Set.of(TimelineEventType.FOLLOW_UP_POSTED);
        case DISPUTED -> Set.of(TimelineEventType.FOLLOW_UP_DISPUTED, TimelineEventType.REOPENED);
        case INCOMPLETE -> Set.of(TimelineEventType.INFORMATION_REQUESTED);
        case SUPPLEMENTED -> Set.of(TimelineEventType.SUPPLEMENTED);
        case NOT_WITHIN_AUTHORITY -> Set.of(TimelineEventType.REFERRED_TO_NATIONAL);
        case RETURNED -> Set.of(TimelineEventType.RETURNED);
        case LATE_OPD -> Set.of(TimelineEventType.REMINDED, TimelineEventType.ESCALATED,
            TimelineEventType.DEADLINE_EXTENDED, TimelineEventType.SUPERVISED, TimelineEventType.REASSIGNED,
            TimelineEventType.FOLLOW_UP_POSTED);
      };
    }

    Map<String, Object> dispose(int visit, Complaint c) {
      return Map.of(ProcessVariables.DISPOSITION_DECISION, "ASSIGN");
    }

    Map<String, Object> supervise(int visit, Complaint c, OtherOpd other) {
      return Map.of(ProcessVariables.SUPERVISION_ACTION, "PUSH", ProcessVariables.SUPERVISION_NOTE, "Segera.");
    }

    Map<String, Object> answer(String form, int visit, Complaint c, OtherOpd other) {
      return switch (form) {
        case "VerifyComplaint" -> verify(visit, c, other);
        case "VerifyComplaintNationally" -> Map.of(ProcessVariables.NATIONAL_DECISION, "ARCHIVE",
            ProcessVariables.ARCHIVE_REASON, "ASPIRATION_NEEDS_NO_ANSWER");
        case "CoordinateFirstResponse" -> Map.of(ProcessVariables.FIRST_RESPONSE_NOTE,
            "Camat sudah menghubungi kepala puskesmas.");
        case "DisposeComplaint" -> dispose(visit, c);
        case "PrepareFollowUp" -> Map.of(ProcessVariables.FOLLOW_UP_TEXT, "Obat sudah tersedia kembali.");
        // a reviewing head sends the first draft back once, then approves
        case "ReviewFollowUp" -> visit == 1
            ? Map.of(ProcessVariables.REVIEW_DECISION, "REVISE", ProcessVariables.REVIEW_NOTE, "Sebutkan tanggalnya.")
            : Map.of(ProcessVariables.REVIEW_DECISION, "APPROVE");
        case "SuperviseOverdueComplaint" -> supervise(visit, c, other);
        default -> throw new AssertionError("The conformance suite does not know the form \"" + form
            + "\": add what its users decide to SopVariantConformanceTests.Scenario.answer");
      };
    }

    static Map<String, Object> forward(Complaint c) {
      return Map.of(ProcessVariables.VERIFICATION_DECISION, "FORWARD",
          ProcessVariables.OPD_CODE, c.getAddressedRegionCode() + ".dinkes");
    }
  }

  /** Picks the OPD a supervisor reassigns to. */
  @FunctionalInterface
  interface OtherOpd {
    String of(Complaint c);
  }
}
