package id.lapor.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.text.IndonesianText;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The index without a reopen per change: a search still sees every change made before it. */
class DuplicateIndexTests {

  static final Instant NOW = Instant.parse("2026-11-02T03:00:00Z");

  @Test
  void aSearchSeesWhatWasPutAndRemovedJustBeforeIt() throws Exception {
    try (DuplicateIndex index = new DuplicateIndex()) {
      for (int i = 1; i <= 50; i++) {
        put(index, i, "Jalan berlubang di depan sekolah dasar nomor " + i);
        assertThat(index.similar(report("Jalan di depan sekolah dasar berlubang besar"), "51.06", null, 0, 0.0, 100))
            .as("found right after it was put").hasSize(i);
      }
      index.remove(7);
      assertThat(index.similar(report("Jalan di depan sekolah dasar berlubang besar"), "51.06", null, 0, 0.0, 100))
          .extracting(DuplicateIndex.Hit::id).hasSize(49).doesNotContain(7L);
      assertThat(index.pendingChanges()).as("a search made every change visible").isZero();
      assertThat(index.size()).isEqualTo(49);
    }
  }

  @Test
  void changesBecomeVisibleWithoutASearchWithinSeconds() throws Exception {
    try (DuplicateIndex index = new DuplicateIndex()) {
      put(index, 1, "Sampah menumpuk di pasar");
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (index.pendingChanges() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(index.pendingChanges()).as("the reopen thread refreshes at least every second").isZero();
    }
  }

  private static void put(DuplicateIndex index, long id, String text) {
    index.put(new DuplicateIndex.Entry(id, "LPR-2026-" + id, text, "SUBMITTED", "51.06", null, report(text)), text);
  }

  private static DuplicateScoring.Report report(String text) {
    return new DuplicateScoring.Report("INFRASTRUKTUR", IndonesianText.get().stems(text), null, null, null, NOW);
  }
}
