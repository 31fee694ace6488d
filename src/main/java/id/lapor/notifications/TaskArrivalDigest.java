package id.lapor.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells staff which tasks arrived for them: every {@code lapor.notifications.staff-digest-interval}
 * (15 minutes) one email per person listing the tasks that came since the last digest for one of
 * their groups or for them by name — bundled, not one mail per complaint per minute. The moment
 * up to which arrivals were told is kept in the database, so that with several nodes each arrival
 * is told once.
 */
@Component
class TaskArrivalDigest {

  private static final Logger log = LoggerFactory.getLogger(TaskArrivalDigest.class);
  /** Tasks listed in one email; the rest are counted. */
  static final int LISTED = 40;

  private final JdbcTemplate jdbc;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final StaffNoticeWriter writer;
  private final StaffNoticePreferences preferences;
  private final StaffNotices notices;
  private final Clock clock;

  TaskArrivalDigest(JdbcTemplate jdbc, TaskService tasks, RuntimeService runtime, StaffNoticeWriter writer,
      StaffNoticePreferences preferences, StaffNotices notices, Clock clock) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.runtime = runtime;
    this.writer = writer;
    this.preferences = preferences;
    this.notices = notices;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${lapor.notifications.staff-digest-interval:PT15M}",
      initialDelayString = "${lapor.notifications.staff-digest-interval:PT15M}")
  void scheduled() {
    try {
      int written = tell();
      if (written > 0) {
        log.info("Task digests written: {}", written);
      }
    } catch (RuntimeException e) {
      log.error("Task digest failed; next one in the next interval", e);
    }
  }

  /** Writes the digests of the tasks that arrived since the last one; returns how many emails. */
  @Transactional
  public int tell() {
    Instant now = clock.instant();
    List<Timestamp> last = jdbc.queryForList("select told_up_to from staff_digest where id = 1", Timestamp.class);
    if (last.isEmpty()) {
      // the first digest starts from now: tasks that arrived before the feature existed are not news
      jdbc.update("insert into staff_digest (id, told_up_to) values (1, ?)", Timestamp.from(now));
      return 0;
    }
    Instant from = last.get(0).toInstant();
    // taken by one node: another one that read the same moment changes nothing and writes nothing
    if (jdbc.update("update staff_digest set told_up_to = ? where id = 1 and told_up_to = ?", Timestamp.from(now),
        last.get(0)) != 1) {
      return 0;
    }
    List<Task> arrived = tasks.createTaskQuery().taskCreatedAfter(Date.from(from.minusMillis(1)))
        .taskCreatedBefore(Date.from(now)).orderByTaskCreateTime().asc().list().stream()
        .filter(t -> !t.getCreateTime().toInstant().isBefore(from)).toList();
    if (arrived.isEmpty()) {
      return 0;
    }
    Map<String, String> trackingNumbers = new HashMap<>();
    runtime.createProcessInstanceQuery().processInstanceIds(arrived.stream().map(Task::getProcessInstanceId)
        .filter(java.util.Objects::nonNull).collect(Collectors.toSet())).list()
        .forEach(p -> trackingNumbers.put(p.getId(), p.getBusinessKey()));
    Map<String, List<Task>> byUser = new LinkedHashMap<>();
    for (Task task : arrived) {
      Set<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(l -> l.getGroupId()).collect(Collectors.toSet());
      List<String> users = new ArrayList<>(writer.members(groups));
      if (task.getAssignee() != null && !users.contains(task.getAssignee())) {
        users.add(task.getAssignee());
      }
      users.forEach(u -> byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(task));
    }
    List<StaffNotice> owed = new ArrayList<>();
    byUser.forEach((user, theirs) -> {
      if (preferences.wantsEmail(user)) {
        owed.add(new StaffNotice(user, StaffNotice.Kind.TASKS, theirs.size() + " tugas baru di SP4N-LAPOR!",
            body(theirs, trackingNumbers), now));
      }
    });
    notices.saveAll(owed);
    return owed.size();
  }

  private String body(List<Task> theirs, Map<String, String> trackingNumbers) {
    StringBuilder text = new StringBuilder("Tugas baru untuk Anda atau kelompok Anda sejak pemberitahuan terakhir:\n\n");
    for (Task t : theirs.subList(0, Math.min(LISTED, theirs.size()))) {
      String tn = trackingNumbers.get(t.getProcessInstanceId());
      text.append("- ").append(t.getName());
      if (tn != null) {
        text.append(" · ").append(tn).append(" · ").append(writer.staffPage(tn));
      }
      text.append('\n');
    }
    if (theirs.size() > LISTED) {
      text.append("… dan ").append(theirs.size() - LISTED).append(" tugas lainnya.\n");
    }
    text.append("\nBuka Tasklist untuk mengerjakannya. Anda dapat berhenti menerima email ini di profil Anda.\n");
    return text.toString();
  }
}
