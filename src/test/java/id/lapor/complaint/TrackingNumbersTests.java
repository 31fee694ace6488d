package id.lapor.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Year;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingNumbersTests {

  @Test
  void issuesReadableNumbersThatDoNotFollowEachOther() {
    TrackingNumbers numbers = new TrackingNumbers(mock(Complaints.class));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String n = numbers.next(Year.of(2026));
      assertThat(n).matches("LPR-2026-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
      assertThat(seen.add(n)).isTrue();
    }
  }

  @Test
  void drawsAgainWhenANumberIsTaken() {
    Complaints complaints = mock(Complaints.class);
    when(complaints.existsByTrackingNumber(anyString())).thenReturn(true, true, false);
    assertThat(new TrackingNumbers(complaints).next(Year.of(2027))).startsWith("LPR-2027-");
  }
}
