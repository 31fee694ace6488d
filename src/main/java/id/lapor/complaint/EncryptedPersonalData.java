package id.lapor.complaint;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/** Seals a personal-data column of {@link Complainant} with {@link PersonalDataCipher}. */
@Component
@Converter
class EncryptedPersonalData implements AttributeConverter<String, String> {

  private final PersonalDataCipher cipher;

  EncryptedPersonalData(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public String convertToDatabaseColumn(String attribute) {
    return cipher.encrypt(attribute);
  }

  @Override
  public String convertToEntityAttribute(String column) {
    return cipher.decrypt(column);
  }
}
