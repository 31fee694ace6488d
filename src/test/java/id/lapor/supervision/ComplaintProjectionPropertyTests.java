package id.lapor.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.complaint.ArchiveReason;
import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintEvent;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.EscalationLevel;
import id.lapor.complaint.FollowUpToken;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.ReplyDecision;
import id.lapor.complaint.Resolution;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TrafficLight;
import id.lapor.deadlines.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever happens to a complaint, in whatever order, the projection kept event by event
 * (as {@link ProjectionKeeper} keeps it, one transaction per step) equals the one rebuilt from the
 * timeline, both agree with the complaint itself, and the rollup deltas appended on the way sum to
 * the row's contribution. Each of the scenarios is a random walk over the transitions the complaint
 * allows in its current status, with time moving on by minutes to weeks (so deadlines pass and
 * lights turn overdue).
 */
public class ComplaintProjectionPropertyTests {

  static final WorkingHours CLOCK_HOURS = (from, to, region) -> Duration.between(from, to);
  static final List<String> REGENCIES = List.of("51.06", "51.03", "35.10", "ID.pln");

  @Test
  void incrementalProjectionEqualsTheRebuildAndTheComplaint() {
    long seed = Long.getLong("projection.seed", 20261123L);
    Random random = new Random(seed);
    int steps = 0;
    for (int scenario = 0; scenario < 3000; scenario++) {
      Walk walk = new Walk(new Random(random.nextLong()));
      steps += walk.run();
      String context = "seed " + seed + ", scenario " + scenario + ": " + walk.log;
      ComplaintProjection kept = walk.kept;
      ComplaintProjection rebuilt = ComplaintProjection.rebuiltFrom(walk.complaint, CLOCK_HOURS);
      assertThat(kept.differences(rebuilt)).as(context).isEmpty();
      agreesWithTheComplaint(kept, walk.complaint, walk.now, context);
      assertThat(summed(walk.deltas)).as("rollup deltas, " + context)
          .isEqualTo(contribution(FiguresDelta.Contribution.of(kept)));
    }
    assertThat(steps).as("the walks really move complaints on").isGreaterThan(3000 * 4);
  }

  @Test
  void aRebuildFindsWhatDriftedAndRepairsIt() {
    Walk walk = new Walk(new Random(7));
    walk.run();
    Complaint c = walk.complaint;
    assertThat(walk.kept.differences(ComplaintProjection.rebuiltFrom(c, CLOCK_HOURS))).isEmpty();
    // an event counted twice (a bug the rebuild must repair)
    TimelineEntry last = c.getTimeline().get(c.getTimeline().size() - 1);
    walk.kept.apply(ComplaintEvent.of(last), CLOCK_HOURS);
    ComplaintProjection rebuilt = ComplaintProjection.rebuiltFrom(c, CLOCK_HOURS);
    assertThat(walk.kept.differences(rebuilt)).contains("eventCount");
    walk.kept.copyFrom(rebuilt);
    assertThat(walk.kept.differences(ComplaintProjection.rebuiltFrom(c, CLOCK_HOURS))).isEmpty();
  }

  /** The rollup rows' sums over a complaint's deltas, by key (zero sums left out), as text for comparison. */
  static Map<FiguresDelta.Key, String> summed(List<FiguresDelta> deltas) {
    Map<FiguresDelta.Key, long[]> counts = new HashMap<>();
    Map<FiguresDelta.Key, FollowUpHistogram> followUp = new HashMap<>();
    for (FiguresDelta d : deltas) {
      FiguresDelta.Key key = new FiguresDelta.Key(d.getDay(), d.getDimension(), d.getItem());
      long[] sum = counts.computeIfAbsent(key, k -> new long[FigureCounts.COLUMNS.size()]);
      long[] values = d.getCounts();
      for (int i = 0; i < sum.length; i++) {
        sum[i] += values[i];
      }
      followUp.computeIfAbsent(key, k -> new FollowUpHistogram()).addAll(d.getFollowUp());
    }
    Map<FiguresDelta.Key, String> result = new HashMap<>();
    counts.forEach((key, sum) -> {
      String text = Arrays.toString(sum) + followUp.get(key);
      if (Arrays.stream(sum).anyMatch(v -> v != 0) || !followUp.get(key).isEmpty()) {
        result.put(key, text);
      }
    });
    return result;
  }

  /** What one complaint's contribution should leave in the rollup, in the form of {@link #summed}. */
  static Map<FiguresDelta.Key, String> contribution(FiguresDelta.Contribution c) {
    Map<FiguresDelta.Key, String> result = new HashMap<>();
    for (FiguresDelta.Key key : c.keys()) {
      FollowUpHistogram h = new FollowUpHistogram();
      if (key.dimension().equals(FiguresDelta.UNIT) && c.followUpBucket() != null) {
        h.add(c.followUpBucket(), 1);
      }
      result.put(key, Arrays.toString(c.countsFor(key)) + h);
    }
    return result;
  }

  @Test
  void provincesComeFromTheRegionCode() {
    assertThat(ComplaintProjection.provinceOf("51.06")).isEqualTo("51");
    assertThat(ComplaintProjection.provinceOf("35.10")).isEqualTo("35");
    assertThat(ComplaintProjection.provinceOf("ID.pln")).isNull();
    assertThat(ComplaintProjection.provinceOf("ID")).isNull();
  }

  public static void agreesWithTheComplaint(ComplaintProjection p, Complaint c, Instant now, String context) {
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(p.getStatus()).as(context + " status").isEqualTo(c.getStatus());
    soft.assertThat(p.getRegencyCode()).as(context + " regency").isEqualTo(c.getAddressedRegionCode());
    soft.assertThat(p.getOpdCode()).as(context + " opd").isEqualTo(c.getOpdCode().orElse(null));
    soft.assertThat(p.getEscalationCount()).as(context + " escalations").isEqualTo(c.getEscalationCount());
    soft.assertThat(p.getReturnCount()).as(context + " returns").isEqualTo(c.getReturnCount());
    soft.assertThat(p.getReopenCount()).as(context + " reopenings").isEqualTo(c.getReopenCount());
    soft.assertThat(p.getTransferCount()).as(context + " transfers").isEqualTo(c.getTransferCount());
    soft.assertThat(p.getRating()).as(context + " rating").isEqualTo(c.getRating().orElse(null));
    soft.assertThat(p.getClosedAt()).as(context + " closed").isEqualTo(c.getClosedAt().orElse(null));
    soft.assertThat(p.getDueAt()).as(context + " deadline").isEqualTo(c.getCurrentDeadline().orElse(null));
    soft.assertThat(p.getResolution()).as(context + " resolution").isEqualTo(c.getResolution().orElse(null));
    soft.assertThat(p.getArchiveReason()).as(context + " archive").isEqualTo(c.getArchiveReason().orElse(null));
    soft.assertThat(p.getEventCount()).as(context + " events").isEqualTo(c.getTimeline().size());
    var light = c.trafficLight(now);
    if (light.isEmpty()) {
      soft.assertThat(p.getLight()).as(context + " light").isNull();
    } else if (light.get() == TrafficLight.OVERDUE) {
      soft.assertThat(p.getLight()).as(context + " overdue light").isIn(TrafficLight.RED, TrafficLight.YELLOW);
      soft.assertThat(p.getInstitutionDueAt()).as(context + " overdue").isBefore(now);
    } else {
      soft.assertThat(p.getLight()).as(context + " light").isEqualTo(light.get());
    }
    if (p.getAnsweredAt() != null) {
      soft.assertThat(p.getFollowUpWorkMinutes()).as(context + " follow-up time").isNotNull().isNotNegative();
      soft.assertThat(p.getForwardedAt()).as(context + " forwarded before answered").isBeforeOrEqualTo(p.getAnsweredAt());
    }
    if (c.getStatus().isOpen() && c.getStatus() != ComplaintStatus.AWAITING_INFORMATION
        && c.getStatus() != ComplaintStatus.ANSWERED) {
      soft.assertThat(p.getInstitutionDueAt()).as(context + " institution's deadline")
          .isEqualTo(c.getCurrentDeadline().orElse(null));
    } else {
      soft.assertThat(p.getInstitutionDueAt()).as(context + " no institution's deadline").isNull();
    }
    soft.assertAll();
  }

  /** One random life of a complaint (with a master complaint to merge into). */
  static final class Walk {
    final Random random;
    final Complaint complaint;
    final Complaint master;
    final List<String> log = new ArrayList<>();
    /** The row as {@link ProjectionKeeper} keeps it, and the rollup deltas it appended. */
    ComplaintProjection kept;
    final List<FiguresDelta> deltas = new ArrayList<>();
    Instant now = Instant.parse("2026-03-02T01:00:00Z");

    Walk(Random random) {
      this.random = random;
      String regency = REGENCIES.get(random.nextInt(3));
      this.complaint = submitted("LPR-2026-" + Long.toString(Math.abs(random.nextLong()) % 1_000_000, 36), regency);
      this.master = submitted("LPR-2026-MASTER", regency);
      keep();
    }

    /** What one transaction's flush publishes: the complaint's events, each counted as the keeper does. */
    void keep() {
      for (ComplaintEvent event : complaint.takeEvents()) {
        FiguresDelta.Contribution before = FiguresDelta.Contribution.of(kept);
        if (kept == null) {
          kept = ComplaintProjection.rebuiltUpTo(complaint, event.occurrence().entry(), CLOCK_HOURS);
        } else {
          kept.apply(event, CLOCK_HOURS);
        }
        deltas.addAll(FiguresDelta.between(complaint, before, FiguresDelta.Contribution.of(kept)));
      }
      master.takeEvents();
    }

    Complaint submitted(String tn, String regency) {
      Classification[] cls = Classification.values();
      Category[] cats = Category.values();
      Channel[] chs = Channel.values();
      return Complaint.submit(new NewComplaint(cls[random.nextInt(cls.length)], "Judul", "Isi",
          cats[random.nextInt(cats.length)], LocalDate.of(2026, 3, 1), new Location(regency, null, null, null),
          chs[random.nextInt(chs.length)], Privacy.PUBLIC, null), tn, FollowUpToken.generate(), now, due(3));
    }

    Instant due(int days) {
      return now.plus(Duration.ofDays(days));
    }

    void tick() {
      // mostly minutes to hours, sometimes past every deadline
      now = now.plus(Duration.ofMinutes(random.nextInt(10) == 0 ? 60L * 24 * (1 + random.nextInt(12))
          : 1 + random.nextInt(600)));
    }

    int run() {
      int steps = 0;
      while (steps < 40) {
        List<Consumer<Complaint>> moves = movesFor(complaint);
        if (moves.isEmpty()) {
          break;
        }
        tick();
        moves.get(random.nextInt(moves.size())).accept(complaint);
        steps++;
        if (!complaint.getStatus().isOpen() && complaint.getStatus() != ComplaintStatus.MERGED
            && random.nextInt(3) > 0) {
          break;
        }
      }
      return steps;
    }

    private String opd() {
      return complaint.getAddressedRegionCode() + "." + List.of("dinkes", "pupr", "disdik").get(random.nextInt(3));
    }

    List<Consumer<Complaint>> movesFor(Complaint c) {
      List<Consumer<Complaint>> m = new ArrayList<>();
      switch (c.getStatus()) {
        case SUBMITTED -> {
          m.add(x -> step("forward", () -> x.forwardTo(opd(), due(5), "admin", now)));
          m.add(x -> step("forward", () -> x.forwardTo(opd(), due(5), "admin", now)));
          m.add(x -> step("ask", () -> x.requestInformation("Lokasi?", due(30), "admin", now)));
          m.add(x -> step("refer", () -> x.referToNationalAdmin("Bukan wewenang", due(3), "admin", now)));
          m.add(x -> step("transfer", () -> x.transferTo(otherRegency(x), "Wilayah lain", due(3), "admin", now)));
          m.add(x -> step("metoo", () -> x.meToo(now)));
          if (random.nextInt(4) == 0) {
            m.add(x -> step("archive", () -> x.archive(ArchiveReason.values()[random.nextInt(ArchiveReason.values().length)],
                null, "admin", now)));
            m.add(x -> step("merge", () -> x.mergeInto(master, "admin", now)));
          }
        }
        case AWAITING_INFORMATION -> {
          m.add(x -> step("supplement", () -> x.supplement("Di depan pasar", due(3), now)));
          m.add(x -> step("supplement", () -> x.supplement("Di depan pasar", due(3), now)));
          m.add(x -> step("archive", () -> x.archive(ArchiveReason.INCOMPLETE, null, TimelineEntry.SYSTEM, now)));
        }
        case REFERRED_TO_NATIONAL -> {
          m.add(x -> step("address", () -> x.addressTo(otherRegency(x), due(3), "nasional", now)));
          m.add(x -> step("address", () -> x.addressTo(otherRegency(x), due(3), "nasional", now)));
          m.add(x -> step("archive", () -> x.archive(ArchiveReason.UNINTELLIGIBLE, null, "nasional", now)));
        }
        case FORWARDED, IN_PROGRESS -> {
          if (c.getStatus() == ComplaintStatus.FORWARDED) {
            m.add(x -> step("open", () -> x.markOpened("penghubung", now)));
            m.add(x -> step("dispose", () -> x.dispose("petugas", "penghubung", now)));
            m.add(x -> step("dispose", () -> x.dispose(null, "penghubung", now)));
            m.add(x -> step("return", () -> x.returnToRegency("Bukan wewenang", due(3), "penghubung", now,
                random.nextBoolean() ? null : "51.06.pupr")));
            m.add(x -> step("firstresponse", () -> x.recordFirstResponse("51.06.kec", "Dicek", "camat", now)));
          } else {
            m.add(x -> step("followup", () -> x.postFollowUp("Sudah", due(10), "petugas", now)));
            m.add(x -> step("followup", () -> x.postFollowUp("Sudah", due(10), "petugas", now)));
            m.add(x -> step("sanction", () -> x.recordSanctionNotice(now)));
          }
          m.add(x -> step("escalate", () -> x.escalate(EscalationLevel.values()[1 + random.nextInt(3)], "51", now)));
          m.add(x -> step("remind", () -> x.remind(now)));
          m.add(x -> step("supervise", () -> x.recordSupervision("Ditegur", "pengawas", id.lapor.complaint.EscalationLevel.PROVINCE, now)));
          m.add(x -> step("reassign", () -> {
            String to = opd();
            if (!x.getOpdCode().orElse("").equals(to)) {
              x.reassignTo(to, "Lebih tepat", due(5), "pengawas", now);
            }
          }));
          if (!c.isDeadlineExtended()) {
            m.add(x -> step("extend", () -> x.extendDeadline(due(7), "Butuh anggaran", "pengawas", now)));
          }
        }
        case ANSWERED -> {
          m.add(x -> step("accept", () -> x.recordReply(ReplyDecision.ACCEPT, random.nextBoolean() ? 1 + random.nextInt(5)
              : null, null, now)));
          m.add(x -> step("dispute", () -> x.recordReply(ReplyDecision.DISPUTE, 1 + random.nextInt(5), "Belum", now)));
          m.add(x -> step("reopen", () -> x.reopen(due(5), now)));
          m.add(x -> step("resolve", () -> x.resolve(Resolution.values()[random.nextInt(Resolution.values().length)], now)));
        }
        case MERGED -> m.add(x -> step("unmerge", () -> x.unmerge(due(3), "admin", now)));
        case RESOLVED, ARCHIVED -> {
          // closed for good
        }
      }
      return m;
    }

    private String otherRegency(Complaint x) {
      return REGENCIES.stream().filter(r -> !r.equals(x.getAddressedRegionCode())).toList().get(random.nextInt(3));
    }

    private void step(String name, Runnable move) {
      log.add(name);
      move.run();
      keep();
    }
  }
}
