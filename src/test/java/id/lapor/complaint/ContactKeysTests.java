package id.lapor.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One contact, however it is written, gives one key; different contacts and purposes give different keys. */
class ContactKeysTests {

  final ContactKeys keys = new ContactKeys(new PersonalDataCipher(
      "k1:mPKfAGw3iKjHrAGPlBTmuD9lKKIcg29uAh6qMLPMiMM=", ""));

  @Test
  void theSameAddressOrNumberHowEverWrittenGivesTheSameKey() {
    assertThat(keys.email(" Made.Warga@Example.ORG ")).isEqualTo(keys.email("made.warga@example.org"));
    assertThat(keys.phone("0812-3456-7890")).isEqualTo(keys.phone("+62 812 3456 7890"))
        .isEqualTo(keys.phone("6281234567890"));
    assertThat(keys.email("made.warga@example.org")).isNotEqualTo(keys.email("made.warga2@example.org"))
        .hasSize(64).doesNotContain("made");
    assertThat(keys.phone("081234567890")).isNotEqualTo(keys.email("081234567890"));
    assertThat(keys.email(null)).isNull();
    assertThat(keys.phone(" ")).isNull();
  }
}
