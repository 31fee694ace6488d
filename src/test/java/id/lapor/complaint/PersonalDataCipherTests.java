package id.lapor.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTests {

  static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
  static final String K2 = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  @Test
  void sealsWithAFreshIvAndOpensAgain() {
    var cipher = new PersonalDataCipher(K1, "");
    String a = cipher.encrypt("Komang Testarini");
    String b = cipher.encrypt("Komang Testarini");
    assertThat(a).startsWith("v1:k1:").doesNotContain("Komang").isNotEqualTo(b);
    assertThat(cipher.decrypt(a)).isEqualTo("Komang Testarini");
    assertThat(cipher.encrypt(null)).isNull();
    assertThat(cipher.decrypt("plain from before encryption")).isEqualTo("plain from before encryption");
  }

  @Test
  void readsValuesOfThePreviousKeyAfterRotationAndNoticesTampering() {
    String sealedWithK1 = new PersonalDataCipher(K1, "").encrypt("komang@example.org");
    var rotated = new PersonalDataCipher(K2, K1);
    assertThat(rotated.decrypt(sealedWithK1)).isEqualTo("komang@example.org");
    assertThat(rotated.isCurrent(sealedWithK1)).isFalse();
    assertThat(rotated.isCurrent(rotated.encrypt("x"))).isTrue();

    assertThatThrownBy(() -> new PersonalDataCipher(K2, "").decrypt(sealedWithK1))
        .hasMessageContaining("key 'k1'").hasMessageContaining("not configured");
    String tampered = sealedWithK1.substring(0, sealedWithK1.length() - 4) + "AAAA";
    assertThatThrownBy(() -> rotated.decrypt(tampered)).hasMessageContaining("cannot be decrypted");
  }

  @Test
  void refusesAMissingOrWeakKeyAtStartWithAnExplanation() {
    assertThatThrownBy(() -> new PersonalDataCipher(null, "")).hasMessageContaining("lapor.privacy.key is not set");
    assertThatThrownBy(() -> new PersonalDataCipher("k:" + Base64.getEncoder().encodeToString(new byte[16]), ""))
        .hasMessageContaining("32 bytes").hasMessageContaining("16 bytes");
  }
}
