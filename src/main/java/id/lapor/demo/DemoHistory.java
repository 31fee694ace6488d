package id.lapor.demo;

import id.lapor.calendar.SopDuration;
import id.lapor.calendar.TimeReckoner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Demo complaints with a past: steps done days or hours ago, then every timer that has come due
 * since fired in order, as the job executor would have fired them — reminders, escalations to the
 * province, the regent's office, the national admins — so that a newcomer sees overdue lights,
 * escalation tasks and supervisors' choices, all produced by the real process. The engine's clock
 * (which is the application's clock) is moved as the tests move it, with the job executor paused.
 */
@Component
class DemoHistory {

  private static final SopDuration OFFICE_HOUR = SopDuration.parse("1 working hour");

  private final ProcessEngine engine;
  private final TimeReckoner calendar;
  private final Clock clock;

  DemoHistory(ProcessEngine engine, TimeReckoner calendar, Clock clock) {
    this.engine = engine;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Runs {@code loading} with the job executor paused, so that only this class fires timers. */
  void withJobExecutorPaused(Runnable loading) {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean active = executor != null && executor.isActive();
    if (active) {
      executor.shutdown();
    }
    try {
      loading.run();
    } finally {
      ClockUtil.reset();
      if (active) {
        executor.start();
      }
    }
  }

  /**
   * The latest moment, going back from now in quarter hours, from which {@code periods} back-to-back
   * SOP periods ended at least {@code margin} ago, while {@code periods + 1} would end at least
   * {@code margin} from now: steps taken then have just passed their {@code periods}-th deadline.
   */
  Instant when(int periods, SopDuration period, Duration margin, ZoneId zone) {
    Instant now = clock.instant();
    for (Instant t = now.minus(Duration.ofMinutes(15)); t.isAfter(now.minus(Duration.ofDays(90)));
        t = t.minus(Duration.ofMinutes(15))) {
      Instant end = t;
      for (int i = 0; i < periods; i++) {
        end = calendar.plus(end, period, zone);
      }
      // working-time SOPs: a moment in office hours, as when an admin forwards a complaint
      boolean plausible = !period.working() || calendar.plus(t, OFFICE_HOUR, zone).equals(t.plus(Duration.ofHours(1)));
      if (plausible && !end.isAfter(now.minus(margin)) && calendar.plus(end, period, zone).isAfter(now.plus(margin))) {
        return t;
      }
    }
    throw new IllegalStateException("no moment in the last 90 days ends " + periods + " × " + period + " by now");
  }

  /**
   * Takes {@code steps} at {@code then}, then fires the complaint's timers (and its plug-ins') that
   * have come due since, earliest first, each at its due time, up to now.
   */
  void at(Instant then, String trackingNumber, Runnable steps) {
    Instant now = clock.instant();
    ClockUtil.setCurrentTime(Date.from(then));
    try {
      steps.run();
      ManagementService management = engine.getManagementService();
      for (int fired = 0; fired < 50; fired++) {
        Job next = dueTimers(trackingNumber, now).stream().min(Comparator.comparing(Job::getDuedate)).orElse(null);
        if (next == null) {
          return;
        }
        Instant due = next.getDuedate().toInstant().plusSeconds(1);
        ClockUtil.setCurrentTime(Date.from(due.isAfter(clock.instant()) ? due : clock.instant()));
        management.executeJob(next.getId());
      }
      throw new IllegalStateException("the timers of " + trackingNumber + " keep firing");
    } finally {
      ClockUtil.reset();
    }
  }

  /** The timers of the complaint's instance and of the instances it called, due by {@code by}. */
  private List<Job> dueTimers(String trackingNumber, Instant by) {
    RuntimeService runtime = engine.getRuntimeService();
    List<String> instances = new ArrayList<>();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).rootProcessInstances().list()
        .forEach(p -> instances.add(p.getId()));
    for (int i = 0; i < instances.size(); i++) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(instances.get(i)).list()
          .forEach(called -> instances.add(called.getId()));
    }
    List<Job> due = new ArrayList<>();
    for (String id : instances) {
      due.addAll(engine.getManagementService().createJobQuery().processInstanceId(id).timers()
          .duedateLowerThan(Date.from(by)).list());
    }
    return due;
  }
}
