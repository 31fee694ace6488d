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
    // numbers already issued exist, as in the database: a random draw that repeats one (about once in
    // 400 runs of this test, 2,000 draws from 31^6) is drawn again, so every issued number is new
    Set<String> seen = new HashSet<>();
    Complaints complaints = mock(Complaints.class);
    when(complaints.existsByTrackingNumber(anyString())).thenAnswer(call -> seen.contains(call.getArgument(0)));
    TrackingNumbers numbers = new TrackingNumbers(complaints);
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
