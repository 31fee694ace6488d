package id.lapor.casework.steps;

import static id.lapor.casework.ProcessVariables.ARCHIVE_NOTE;
import static id.lapor.casework.ProcessVariables.ARCHIVE_REASON;

import id.lapor.complaint.ArchiveReason;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The reasons an admin may archive a complaint for (INCOMPLETE is the supplement timer's, not a person's). */
final class ArchiveReasons {

  static final Set<ArchiveReason> ADMIN_REASONS = EnumSet.complementOf(EnumSet.of(ArchiveReason.INCOMPLETE));

  private ArchiveReasons() {}

  static void check(Decision d) {
    String reason = d.text(ARCHIVE_REASON);
    if (ADMIN_REASONS.stream().noneMatch(r -> r.name().equals(reason))) {
      d.problem(ARCHIVE_REASON, "one of " + ADMIN_REASONS.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }
    d.limitText(ARCHIVE_NOTE);
  }
}
