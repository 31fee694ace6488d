package id.lapor.complaint;

/** What kind of report a citizen files (klasifikasi laporan). */
public enum Classification {
  /** A complaint about a public service (pengaduan). */
  PENGADUAN,
  /** An aspiration or suggestion (aspirasi). */
  ASPIRASI,
  /** A request for public information (permintaan informasi). */
  PERMINTAAN_INFORMASI
}
