package id.lapor.support;

import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complainant;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import java.time.LocalDate;

/** Named complaints for tests. */
public final class ComplaintFixtures {

  public static final String BANGLI = "51.06";
  public static final String BANYUWANGI = "35.10";
  /** Kab. Bangka Selatan: its plug-in has the head of the OPD review each follow-up before it is sent. */
  public static final String BANGKA_SELATAN = "19.03";
  public static final String BANGLI_DINKES = "51.06.dinkes";
  public static final String BANGLI_PUPR = "51.06.pupr";
  public static final String BALI = "51";
  public static final String JAWA_TIMUR = "35";

  public static final String COMPLAINANT_NAME = "Komang Testarini";
  public static final String COMPLAINANT_EMAIL = "komang.testarini@example.org";

  private ComplaintFixtures() {}

  public static NewComplaint aPublicComplaintIn(String regionCode) {
    return complaint(regionCode, Privacy.PUBLIC);
  }

  public static NewComplaint complaint(String regionCode, Privacy privacy) {
    return new NewComplaint(Classification.PENGADUAN, "Obat kosong di puskesmas",
        "Obat hipertensi sudah dua minggu tidak tersedia di Puskesmas Susut I.", Category.KESEHATAN,
        LocalDate.of(2026, 11, 1), new Location(regionCode, "Susut", -8.43, 115.35), Channel.API, privacy,
        new Complainant(COMPLAINANT_NAME, COMPLAINANT_EMAIL, "+6281234500001"));
  }
}
