package id.lapor.complaint;

import java.util.Arrays;
import java.util.List;

/**
 * Where a complaint stands. Three layers, as the glossary describes: the stable key (the enum
 * name, used in the API and the database), the display label (message bundle
 * {@code status.<KEY>}), and whether the complaint is still open. {@link #laporStatus()} is the
 * status name LAPOR! shows for it.
 */
public enum ComplaintStatus {
  SUBMITTED(true, "pending"),
  AWAITING_INFORMATION(true, "pending"),
  REFERRED_TO_NATIONAL(true, "pending"),
  FORWARDED(true, "terverifikasi"),
  IN_PROGRESS(true, "proses"),
  ANSWERED(true, "proses"),
  RESOLVED(false, "selesai"),
  ARCHIVED(false, "arsip"),
  /** Closed as a duplicate: handled as part of the complaint it was merged into. */
  MERGED(false, "selesai");

  private final boolean open;
  private final String laporStatus;

  ComplaintStatus(boolean open, String laporStatus) {
    this.open = open;
    this.laporStatus = laporStatus;
  }

  /** The statuses of complaints still being handled. */
  public static List<ComplaintStatus> openOnes() {
    return Arrays.stream(values()).filter(ComplaintStatus::isOpen).toList();
  }

  public boolean isOpen() {
    return open;
  }

  public String laporStatus() {
    return laporStatus;
  }
}
