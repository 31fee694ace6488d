package id.lapor.institutions;

import org.springframework.data.jpa.repository.JpaRepository;

/** The decrees' documents, by institution code. */
interface DecreeDocuments extends JpaRepository<DecreeDocument, String> {}
