package id.lapor.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FollowUpTokenTests {

  @Test
  void storesOnlyAHashThatMatchesTheIssuedValue() {
    FollowUpToken token = FollowUpToken.generate();
    assertThat(token.hash()).hasSize(64).doesNotContain(token.value());
    assertThat(FollowUpToken.matches(token.value(), token.hash())).isTrue();
    assertThat(FollowUpToken.matches(token.value() + "x", token.hash())).isFalse();
  }

  @Test
  void issuesUrlSafeTokensThatDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String value = FollowUpToken.generate().value();
      assertThat(value).matches("[A-Za-z0-9_-]{43}");
      assertThat(seen.add(value)).isTrue();
    }
  }
}
