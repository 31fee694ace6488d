package id.lapor.demo;

import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionGroups;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.InstitutionRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/** The demo's part of the institution registry. */
@Component
class DemoInstitutions {

  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  static final ZoneId WITA = ZoneId.of("Asia/Makassar");

  /** The OPDs every demo regency gets: code suffix and name prefix. */
  static final List<String[]> STANDARD_OPDS = List.of(
      new String[] {"dinkes", "Dinas Kesehatan"},
      new String[] {"pupr", "Dinas Pekerjaan Umum dan Penataan Ruang"},
      new String[] {"disdik", "Dinas Pendidikan"},
      new String[] {"disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"},
      new String[] {"dlh", "Dinas Lingkungan Hidup"},
      new String[] {"rsud", "RSUD"},
      new String[] {"dinsos", "Dinas Sosial"},
      new String[] {"satpolpp", "Satuan Polisi Pamong Praja"},
      new String[] {"dpmptsp", "Dinas Penanaman Modal dan PTSP"},
      new String[] {"dishub", "Dinas Perhubungan"},
      new String[] {"pdam", "Perumda Air Minum"});

  private final InstitutionRegistry registry;

  DemoInstitutions(InstitutionRegistry registry) {
    this.registry = registry;
  }

  void register() {
    registry.register(Institution.NATIONAL_CODE, "Admin Nasional SP4N-LAPOR! (KemenPANRB)",
        InstitutionKind.NATIONAL, null, WIB);

    // national bodies outside regional government that complaints are transferred to
    registry.register("ID.pln", "PT PLN (Persero)", InstitutionKind.AGENCY, Institution.NATIONAL_CODE, WIB);
    registry.register("ID.bpjs-kesehatan", "BPJS Kesehatan", InstitutionKind.AGENCY, Institution.NATIONAL_CODE, WIB);
    registry.register("ID.kemendagri", "Kementerian Dalam Negeri", InstitutionKind.AGENCY, Institution.NATIONAL_CODE, WIB);

    province("51", "Provinsi Bali", WITA,
        regency("51.01", "Kab. Jembrana"), regency("51.02", "Kab. Tabanan"), regency("51.03", "Kab. Badung"),
        regency("51.04", "Kab. Gianyar"), regency("51.05", "Kab. Klungkung"), regency("51.06", "Kab. Bangli"),
        regency("51.07", "Kab. Karangasem"), regency("51.08", "Kab. Buleleng"), city("51.71", "Kota Denpasar"));
    province("35", "Provinsi Jawa Timur", WIB, regency("35.10", "Kab. Banyuwangi"));
    // Banyuwangi's SOP variant asks the camat for a first response: its district offices
    registry.register("35.10.kec-genteng", "Kecamatan Genteng", InstitutionKind.OPD, "35.10", WIB);
    registry.register("35.10.kec-banyuwangi", "Kecamatan Banyuwangi", InstitutionKind.OPD, "35.10", WIB);
    province("19", "Provinsi Kepulauan Bangka Belitung", WIB, regency("19.03", "Kab. Bangka Selatan"));

    // decrees (SK) on complaint management as seed 001 found them in Bali (2019): every regency but
    // Kota Denpasar, and the province, have one; the numbers are the demo's own
    for (String code : List.of("51", "51.01", "51.02", "51.03", "51.04", "51.05", "51.06", "51.07", "51.08", "35",
        "35.10")) {
      registry.recordDecreeIfMissing(code, "DEMO/SK-PENGADUAN/" + code + "/2019", LocalDate.of(2019, 2, 1));
    }
  }

  private void province(String code, String name, ZoneId zone, String[]... regencies) {
    registry.register(code, name, InstitutionKind.PROVINCE, Institution.NATIONAL_CODE, zone);
    for (String[] r : regencies) {
      InstitutionKind kind = InstitutionKind.valueOf(r[2]);
      registry.register(r[0], r[1], kind, code, zone);
      for (String[] opd : STANDARD_OPDS) {
        registry.register(r[0] + "." + opd[0], opd[1] + " " + r[1], InstitutionKind.OPD, r[0], zone);
      }
    }
  }

  private static String[] regency(String code, String name) {
    return new String[] {code, name, InstitutionKind.REGENCY.name()};
  }

  private static String[] city(String code, String name) {
    return new String[] {code, name, InstitutionKind.CITY.name()};
  }
}
