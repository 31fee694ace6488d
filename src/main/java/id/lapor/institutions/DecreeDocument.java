package id.lapor.institutions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The signed document of an institution's decree (SK) on complaint management, a PDF. */
@Entity
@Table(name = "decree_document")
class DecreeDocument {

  @Id
  @Column(name = "institution_code", length = 40)
  private String institutionCode;

  @Column(nullable = false)
  private byte[] content;

  protected DecreeDocument() {}

  DecreeDocument(String institutionCode, byte[] content) {
    this.institutionCode = institutionCode;
    this.content = content.clone();
  }

  void replace(byte[] newContent) {
    this.content = newContent.clone();
  }

  byte[] getContent() {
    return content.clone();
  }
}
