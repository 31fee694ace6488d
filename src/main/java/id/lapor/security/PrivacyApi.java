package id.lapor.security;

import id.lapor.complaint.PersonalDataReencryption;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' tools for the protection of complainants' personal data. */
@RestController
@RequestMapping("/api/staff/privacy")
class PrivacyApi {

  private final PersonalDataReencryption reencryption;

  PrivacyApi(PersonalDataReencryption reencryption) {
    this.reencryption = reencryption;
  }

  @Operation(summary = "Re-encrypt all personal data with the current key (key rotation; operators only)")
  @PostMapping("/re-encryption")
  Map<String, Integer> reencrypt() {
    return Map.of("reencrypted", reencryption.reencryptAll());
  }
}
