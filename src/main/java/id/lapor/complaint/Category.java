package id.lapor.complaint;

/** Topic of a complaint, following the common LAPOR! categories. Labels live in the message bundle. */
public enum Category {
  INFRASTRUKTUR,
  KESEHATAN,
  KEPENDUDUKAN,
  PENDIDIKAN,
  LINGKUNGAN,
  AIR_LISTRIK,
  BANTUAN_SOSIAL,
  KETERTIBAN_UMUM,
  PERIZINAN,
  LAINNYA
}
