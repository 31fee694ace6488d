package id.lapor.intake;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /api/complaints}. Enumerations and dates arrive as strings so that every
 * invalid field can be named in one answer rather than the first one failing the parse.
 */
public record SubmitComplaintRequest(
    @Schema(description = "PENGADUAN, ASPIRASI or PERMINTAAN_INFORMASI", example = "PENGADUAN")
    String classification,
    @Schema(description = "At most 150 characters", example = "Jalan berlubang di Jl. Merdeka")
    String title,
    @Schema(description = "At most 4,000 characters")
    String description,
    @Schema(description = "INFRASTRUKTUR, KESEHATAN, KEPENDUDUKAN, PENDIDIKAN, LINGKUNGAN, AIR_LISTRIK, "
        + "BANTUAN_SOSIAL, KETERTIBAN_UMUM, PERIZINAN or LAINNYA", example = "INFRASTRUKTUR")
    String category,
    @Schema(description = "Kemendagri code of the regency/city", example = "51.06")
    String regionCode,
    @Schema(description = "PUBLIC, ANONYMOUS or CONFIDENTIAL", example = "PUBLIC")
    String privacy,
    @Schema(description = "ISO date, not in the future", example = "2026-11-20")
    String incidentDate,
    LocationPart location,
    ComplainantPart complainant,
    @Schema(description = "Optional: the institution the complainant addresses (an OPD of the regency, or the "
        + "regency itself); the regency's admin decides", example = "51.06.dinkes")
    String targetInstitutionCode,
    @Schema(description = "Language of the notifications to the complainant: id (default) or en", example = "id")
    String language) {

  public record LocationPart(
      @Schema(example = "Kintamani") String district,
      @Schema(example = "-8.2415") Double latitude,
      @Schema(example = "115.3553") Double longitude) {}

  public record ComplainantPart(
      @Schema(example = "Made Wirawan") String name,
      @Schema(example = "made@example.org") String email,
      @Schema(example = "+6281234567890") String phone) {}
}
