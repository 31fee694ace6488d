package id.lapor.models;

import java.util.List;

/**
 * Moves running instances of a process's older versions to its latest one where the versions differ
 * in shape, so that a plain mapping of equal ids does not do (the complaint process, whose regency
 * copies and escalation sub-processes became one national model). Runs at start-up and when an
 * operator asks ({@code POST /api/staff/process-migrations}).
 */
public interface VersionUpgrade {

  /** Whether this upgrade is the one for {@code processKey}. */
  boolean upgrades(String processKey);

  /** Moves what can move now; one line per old version that still had running instances. */
  List<ProcessMigrations.Migrated> upgrade();
}
