package id.lapor.demo;

import static id.lapor.casework.ComplaintTasks.DISPOSE_COMPLAINT;
import static id.lapor.casework.ComplaintTasks.PREPARE_FOLLOW_UP;
import static id.lapor.casework.ComplaintTasks.VERIFY_COMPLAINT;

import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complainant;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.ReplyDecision;
import id.lapor.intake.ComplaintIntake;
import id.lapor.open311.Open311Keys;
import id.lapor.calendar.SopDuration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo on the embedded default: registry and logins on every start (idempotent), sample
 * complaints on the first start only. Complaints go through the real intake and their tasks are
 * completed as the demo users would, so every state is one the system itself produced.
 */
@Component
@ConditionalOnProperty(name = "lapor.demo.enabled", havingValue = "true")
class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final DemoInstitutions institutions;
  private final DemoUsers users;
  private final Complaints complaints;
  private final ComplaintIntake intake;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final Clock clock;
  private final DemoProperties properties;
  /** The demo's Open311 key of Kota Denpasar's app (README); public, like the demo logins. */
  static final String DENPASAR_OPEN311_KEY = "demo-denpasar-open311";

  private final Open311Keys open311Keys;
  private final DemoHistory history;
  /** Follow-up tokens of the demo complaints, to reply as their complainants. */
  private final Map<String, String> tokens = new HashMap<>();

  private final id.lapor.institutions.Districts geography;

  DemoData(DemoInstitutions institutions, DemoUsers users, Complaints complaints, ComplaintIntake intake,
      TaskService taskService, IdentityService identityService, Clock clock, DemoProperties properties,
      Open311Keys open311Keys, DemoHistory history, id.lapor.institutions.Districts geography) {
    this.geography = geography;
    this.open311Keys = open311Keys;
    this.history = history;
    this.institutions = institutions;
    this.users = users;
    this.complaints = complaints;
    this.intake = intake;
    this.taskService = taskService;
    this.identityService = identityService;
    this.clock = clock;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void load() {
    institutions.register();
    users.create();
    open311Keys.register("51.71", "Pro Denpasar (demo)", DENPASAR_OPEN311_KEY);
    if (properties.sampleComplaints() && complaints.count() == 0) {
      history.withJobExecutorPaused(() -> {
        loadComplaints();
        loadComplaintsWithAPast();
      });
      log.info("Demo complaints loaded: {}", complaints.count());
    }
  }

  /** The first demo report; a later one about the same pothole is merged into it. */
  private String firstReport;

  private void loadComplaints() {
    LocalDate today = LocalDate.now(clock);

    firstReport = submit("51.06", "Kawan", Classification.PENGADUAN, Category.INFRASTRUKTUR, Privacy.PUBLIC,
        "Jalan berlubang di Jl. Brigjen Ngurah Rai",
        "Jalan di depan SD Negeri 2 Kawan berlubang besar sejak musim hujan. Sudah dua pengendara motor "
            + "jatuh minggu ini. Mohon segera diperbaiki sebelum ada korban.", today.minusDays(3));

    submit("51.06", "Bangli", Classification.PENGADUAN, Category.KESEHATAN, Privacy.ANONYMOUS,
        "Antrean pendaftaran Puskesmas Bangli sangat lama",
        "Setiap pagi antrean pendaftaran di Puskesmas Bangli lebih dari dua jam. Loket hanya satu yang "
            + "buka padahal pasien lansia banyak yang berdiri menunggu.", today.minusDays(1));

    String forwarded = submit("51.06", "Susut", Classification.PENGADUAN, Category.KESEHATAN, Privacy.PUBLIC,
        "Stok obat hipertensi kosong di Puskesmas Susut I",
        "Sudah tiga minggu obat amlodipin untuk pasien hipertensi tidak tersedia. Pasien disuruh membeli "
            + "sendiri di apotek padahal peserta JKN.", today.minusDays(2));
    forward(forwarded, "51.06.dinkes");

    String inProgress = submit("51.06", "Tembuku", Classification.PENGADUAN, Category.KESEHATAN,
        Privacy.CONFIDENTIAL, "Jadwal imunisasi posyandu tidak jelas",
        "Posyandu di Banjar Kawan Tembuku sudah dua bulan tidak mengadakan imunisasi dan tidak ada "
            + "pengumuman jadwal pengganti.", today.minusDays(5));
    forward(inProgress, "51.06.dinkes");
    dispose(inProgress, "petugas.bangli.dinkes");

    String answered = submit("51.06", "Bangli", Classification.PENGADUAN, Category.KESEHATAN, Privacy.PUBLIC,
        "Biaya surat keterangan sehat di puskesmas",
        "Petugas meminta biaya Rp50.000 untuk surat keterangan sehat tanpa kuitansi. Apakah ini resmi?",
        today.minusDays(7));
    forward(answered, "51.06.dinkes");
    dispose(answered, "petugas.bangli.dinkes");
    followUp(answered, "Tarif surat keterangan sehat sesuai Perda Retribusi adalah Rp25.000 dengan kuitansi "
        + "resmi. Petugas yang bersangkutan telah dibina dan kelebihan pembayaran dapat diambil di loket.");

    // the same problem reported again: merged into the first report, whose follow-up it will share
    String duplicate = submit("51.06", "Kawan", Classification.PENGADUAN, Category.LAINNYA, Privacy.PUBLIC,
        "jln brigjen ngurah rai bolong2",
        "Jalan depan SDN 2 Kawan berlobang besar, udah ada yg jatuh dari motor. Tolong diperbaiki.", today.minusDays(2));
    complete(duplicate, VERIFY_COMPLAINT, "admin.bangli", Map.of("verificationDecision", "MERGE",
        "masterTrackingNumber", firstReport));

    // reported to Bangli, but it happened in Banyuwangi: transferred, verified there afresh
    String transferred = submit("51.06", "Genteng", Classification.PENGADUAN, Category.INFRASTRUKTUR, Privacy.PUBLIC,
        "Jembatan di Genteng retak",
        "Jembatan kecil di Kecamatan Genteng retak dan bergoyang saat truk lewat.", today.minusDays(1));
    complete(transferred, VERIFY_COMPLAINT, "admin.bangli", Map.of("verificationDecision", "TRANSFER",
        "transferTo", "35.10", "transferReason", "Lokasi kejadian di Kecamatan Genteng, Kabupaten Banyuwangi."));

    String resolved = submit("51.06", "Kintamani", Classification.PENGADUAN, Category.KESEHATAN, Privacy.PUBLIC,
        "Ambulans desa tidak bisa dihubungi malam hari",
        "Nomor ambulans desa Kintamani tidak aktif setelah pukul 20.00. Warga kesulitan membawa pasien "
            + "darurat ke RSUD.", today.minusDays(10));
    forward(resolved, "51.06.dinkes");
    dispose(resolved, "petugas.bangli.dinkes");
    followUp(resolved, "Layanan ambulans kini 24 jam melalui nomor 112 Kabupaten Bangli. Nomor lama "
        + "dialihkan ke call center.");
    intake.reply(resolved, tokens.get(resolved), ReplyDecision.ACCEPT, 5, "Sudah dicoba, langsung tersambung.");

    String incomplete = submit("51.06", null, Classification.PENGADUAN, Category.LAINNYA, Privacy.PUBLIC,
        "Pelayanan kurang ramah", "Petugas di kantor tidak ramah saat saya mengurus berkas.", null);
    complete(incomplete, VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "REQUEST_INFORMATION",
        ProcessVariables.INFORMATION_REQUEST, "Mohon sebutkan kantor/instansi, tanggal dan layanan yang diurus."));

    String aspiration = submit("51.06", "Bangli", Classification.ASPIRASI, Category.LAINNYA, Privacy.PUBLIC,
        "Usul taman bermain anak di alun-alun", "Mohon dibangun taman bermain anak di sisi timur alun-alun Bangli.",
        null);
    complete(aspiration, VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "ARCHIVE",
        ProcessVariables.ARCHIVE_REASON, "ASPIRATION_NEEDS_NO_ANSWER",
        ProcessVariables.ARCHIVE_NOTE, "Diteruskan sebagai masukan Musrenbang."));

    String national = submit("51.06", "Bangli", Classification.PENGADUAN, Category.KESEHATAN, Privacy.PUBLIC,
        "Iuran BPJS Kesehatan naik tanpa pemberitahuan",
        "Tagihan iuran BPJS Kesehatan keluarga kami naik bulan ini tanpa pemberitahuan apa pun.", null);
    complete(national, VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "NOT_WITHIN_AUTHORITY",
        ProcessVariables.REFERRAL_REASON, "Iuran JKN adalah kewenangan BPJS Kesehatan, bukan Pemkab Bangli."));

    String returned = submit("51.06", "Bangli", Classification.PENGADUAN, Category.PERIZINAN, Privacy.PUBLIC,
        "Izin usaha warung makan belum terbit",
        "Sudah dua bulan mengajukan izin usaha warung makan, belum ada kabar.", today.minusDays(4));
    forward(returned, "51.06.dinkes");
    complete(returned, DISPOSE_COMPLAINT, "penghubung.bangli.dinkes", Map.of(
        ProcessVariables.DISPOSITION_DECISION, "RETURN",
        ProcessVariables.RETURN_REASON, "Izin usaha ditangani DPMPTSP, bukan Dinas Kesehatan."));

    submit("35.10", "Genteng", Classification.PENGADUAN, Category.INFRASTRUKTUR, Privacy.PUBLIC,
        "Lampu penerangan jalan mati di Jl. Raya Genteng",
        "Lima lampu PJU di Jl. Raya Genteng dekat pasar mati sejak seminggu. Rawan kecelakaan dan kejahatan.",
        today.minusDays(6));

    String banyuwangi = submit("35.10", "Genteng", Classification.PENGADUAN, Category.KESEHATAN, Privacy.ANONYMOUS,
        "Pasien JKN diminta membayar di puskesmas",
        "Ibu saya peserta JKN diminta membayar pemeriksaan laboratorium di Puskesmas Genteng.", today.minusDays(1));
    complete(banyuwangi, VERIFY_COMPLAINT, "admin.banyuwangi", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "35.10.dinkes"));
    // Banyuwangi's own SOP: the camat gives the first response before the OPD
    complete(banyuwangi, ComplaintTasks.COORDINATE_FIRST_RESPONSE, "camat.genteng", Map.of(
        ProcessVariables.FIRST_RESPONSE_NOTE, "Kepala Puskesmas Genteng sudah dihubungi; pemeriksaan lab "
            + "tidak dipungut biaya bagi peserta JKN."));
    complete(banyuwangi, DISPOSE_COMPLAINT, "penghubung.banyuwangi.dinkes", Map.of(
        ProcessVariables.DISPOSITION_DECISION, "ASSIGN", ProcessVariables.FOLLOW_UP_ASSIGNEE, "petugas.banyuwangi.dinkes"));

    submit("19.03", "Toboali", Classification.PENGADUAN, Category.KEPENDUDUKAN, Privacy.PUBLIC,
        "KTP elektronik belum jadi setelah tiga bulan",
        "Saya merekam KTP-el di Disdukcapil Toboali tiga bulan lalu, sampai sekarang belum dicetak.",
        today.minusDays(2));

    // Bangka Selatan's plug-in: the head of the OPD reviews the officer's follow-up before it is sent
    String reviewed = submit("19.03", "Toboali", Classification.PENGADUAN, Category.KESEHATAN, Privacy.PUBLIC,
        "Obat hipertensi kosong di Puskesmas Toboali",
        "Sudah dua minggu obat amlodipin kosong di Puskesmas Toboali; pasien diminta membeli sendiri di apotek.",
        today.minusDays(3));
    complete(reviewed, VERIFY_COMPLAINT, "admin.bangkaselatan", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "19.03.dinkes"));
    complete(reviewed, DISPOSE_COMPLAINT, "penghubung.bangkaselatan.dinkes", Map.of(
        ProcessVariables.DISPOSITION_DECISION, "ASSIGN",
        ProcessVariables.FOLLOW_UP_ASSIGNEE, "petugas.bangkaselatan.dinkes"));
    complete(reviewed, PREPARE_FOLLOW_UP, "petugas.bangkaselatan.dinkes", Map.of(ProcessVariables.FOLLOW_UP_TEXT,
        "Stok amlodipin sudah dikirim dari Instalasi Farmasi Kabupaten dan tersedia kembali sejak hari ini."));

    submit("51.71", "Denpasar Barat", Classification.PENGADUAN, Category.LINGKUNGAN, Privacy.PUBLIC,
        "Sampah menumpuk di sekitar Pasar Badung",
        "Sampah di sisi barat Pasar Badung tidak diangkut selama empat hari dan menimbulkan bau.", today);
  }

  /**
   * Complaints whose steps were taken days or hours ago, with every timer since fired as the job
   * executor would have: overdue at the OPD and escalated to the province, escalated on to the
   * national admins, Banyuwangi's escalated to the regent's office; and one the complainant disputed.
   */
  private void loadComplaintsWithAPast() {
    LocalDate today = LocalDate.now(clock);
    ZoneId wita = ZoneId.of("Asia/Makassar");
    SopDuration followUp = SopDuration.parse("5 working days");

    // past the OPD's five working days: overdue (red light), the province's supervisors have it
    Instant lastWeek = history.when(1, followUp, Duration.ofHours(2), wita);
    String overdue = submitAt(lastWeek, "51.06", "Tembuku", Category.KESEHATAN, Privacy.PUBLIC,
        "Puskesmas Tembuku tutup pada jam pelayanan",
        "Tiga kali saya datang pukul 10.00 pada hari kerja, pintu Puskesmas Tembuku terkunci dan tidak ada "
            + "petugas jaga.", LocalDate.ofInstant(lastWeek, wita).minusDays(1));
    history.at(lastWeek, overdue, () -> {
      forward(overdue, "51.06.dinkes");
      dispose(overdue, "petugas.bangli.dinkes");
    });

    // five working days more: escalated on to the national admins
    Instant twoWeeksAgo = history.when(2, followUp, Duration.ofHours(2), wita);
    String national = submitAt(twoWeeksAgo, "51.06", "Bangli", Category.INFRASTRUKTUR, Privacy.PUBLIC,
        "Saluran air tersumbat di Jl. Merdeka Bangli",
        "Saluran di sepanjang Jl. Merdeka tersumbat sampah dan lumpur; setiap hujan air meluap ke rumah warga.",
        LocalDate.ofInstant(twoWeeksAgo, wita).minusDays(2));
    history.at(twoWeeksAgo, national, () -> forward(national, "51.06.pupr"));

    // Banyuwangi's SOP: four hours for the OPD, then the regent's office (and four hours later the province)
    ZoneId wib = ZoneId.of("Asia/Jakarta");
    Instant thisMorning = history.when(1, SopDuration.parse("4 hours"), Duration.ofHours(1), wib);
    String regent = submitAt(thisMorning, "35.10", "Genteng", Category.KESEHATAN, Privacy.PUBLIC,
        "Ambulans Puskesmas Genteng tidak datang",
        "Kami menelepon ambulans Puskesmas Genteng untuk ibu yang akan melahirkan; dua jam tidak ada yang datang.",
        LocalDate.ofInstant(thisMorning, wib));
    history.at(thisMorning, regent, () -> {
      complete(regent, VERIFY_COMPLAINT, "admin.banyuwangi", Map.of(
          ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "35.10.dinkes"));
      complete(regent, ComplaintTasks.COORDINATE_FIRST_RESPONSE, "camat.genteng", Map.of(
          ProcessVariables.FIRST_RESPONSE_NOTE, "Kepala Puskesmas Genteng sudah dihubungi untuk menjelaskan."));
      complete(regent, DISPOSE_COMPLAINT, "penghubung.banyuwangi.dinkes", Map.of(
          ProcessVariables.DISPOSITION_DECISION, "ASSIGN",
          ProcessVariables.FOLLOW_UP_ASSIGNEE, "petugas.banyuwangi.dinkes"));
    });

    // the complainant disputes the OPD's answer: the complaint is back with the officer
    String disputed = submit("51.06", "Bangli", Classification.PENGADUAN, Category.KESEHATAN, Privacy.PUBLIC,
        "Hasil laboratorium RSUD Bangli tidak diberikan",
        "Hasil tes darah saya di RSUD Bangli sudah seminggu belum diberikan; setiap datang disuruh kembali besok.",
        today.minusDays(9));
    forward(disputed, "51.06.dinkes");
    dispose(disputed, "petugas.bangli.dinkes");
    followUp(disputed, "Hasil laboratorium dapat diambil di loket laboratorium RSUD Bangli setiap hari kerja.");
    intake.reply(disputed, tokens.get(disputed), ReplyDecision.DISPUTE, 1,
        "Saya sudah ke loket laboratorium dua kali, hasilnya tetap belum ada.");
  }

  private String submitAt(Instant at, String region, String district, Category category, Privacy privacy,
      String title, String description, LocalDate incidentDate) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(at));
    try {
      return submit(region, district, Classification.PENGADUAN, category, privacy, title, description, incidentDate);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  private String submit(String region, String district, Classification classification, Category category,
      Privacy privacy, String title, String description, LocalDate incidentDate) {
    Complainant complainant = privacy == Privacy.ANONYMOUS ? null
        : new Complainant("Warga Demo " + (tokens.size() + 1), "warga" + (tokens.size() + 1) + "@demo.lapor.invalid",
            "+62812000000" + String.format("%02d", tokens.size() + 1));
    // two of three demo complaints placed on the map, near their kecamatan's point (geo/districts.csv)
    int n = tokens.size();
    var place = n % 3 == 2 ? java.util.Optional.<id.lapor.institutions.Districts.District>empty()
        : geography.of(region).stream().filter(d -> d.name().equalsIgnoreCase(district)).findFirst();
    Double lat = place.map(d -> d.latitude() + ((n * 37) % 21 - 10) / 1500.0).orElse(null);
    Double lon = place.map(d -> d.longitude() + ((n * 53) % 21 - 10) / 1500.0).orElse(null);
    var submission = intake.submit(new NewComplaint(classification, title, description, category, incidentDate,
        new Location(region, district, lat, lon), Channel.API, privacy, complainant));
    tokens.put(submission.trackingNumber(), submission.followUpToken());
    return submission.trackingNumber();
  }

  private void forward(String trackingNumber, String opd) {
    complete(trackingNumber, VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, opd));
  }

  private void dispose(String trackingNumber, String officer) {
    complete(trackingNumber, DISPOSE_COMPLAINT, "penghubung.bangli.dinkes", Map.of(
        ProcessVariables.DISPOSITION_DECISION, "ASSIGN", ProcessVariables.FOLLOW_UP_ASSIGNEE, officer));
  }

  private void followUp(String trackingNumber, String text) {
    complete(trackingNumber, PREPARE_FOLLOW_UP, "petugas.bangli.dinkes",
        Map.of(ProcessVariables.FOLLOW_UP_TEXT, text));
  }

  /** Claims and completes the complaint's open task as {@code user} would in Tasklist. */
  private void complete(String trackingNumber, String taskKey, String user, Map<String, Object> variables) {
    var task = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(taskKey).singleResult();
    List<String> tenants = identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identityService.setAuthentication(user, users.groupsOf(user), tenants);
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
