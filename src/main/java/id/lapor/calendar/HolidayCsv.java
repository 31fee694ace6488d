package id.lapor.calendar;

import id.lapor.web.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The holiday file format, as published in {@code calendar/holidays-id-2026.csv}: comment lines
 * start with {@code #}, then the header {@code date,kind,name}, then one line per day.
 */
final class HolidayCsv {

  static final String HEADER = "date,kind,name";

  private HolidayCsv() {}

  /** The holidays in {@code text}, or every problem with its line number. */
  static Parsed parse(String text) {
    List<Holiday> holidays = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    boolean headerSeen = false;
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      String where = "line " + (i + 1);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        if (!line.equalsIgnoreCase(HEADER)) {
          problems.add(new FieldProblem(where, "the header must be " + HEADER));
        }
        continue;
      }
      String[] parts = line.split(",", 3);
      if (parts.length < 3 || parts[2].isBlank()) {
        problems.add(new FieldProblem(where, "needs date, kind and name"));
        continue;
      }
      try {
        holidays.add(new Holiday(LocalDate.parse(parts[0].strip()), HolidayKind.valueOf(parts[1].strip()),
            parts[2].strip()));
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem(where, "the date must look like 2026-03-19"));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem(where, "the kind must be LIBUR_NASIONAL or CUTI_BERSAMA"));
      }
    }
    if (!headerSeen) {
      problems.add(new FieldProblem("line 1", "the file is empty; expected the header " + HEADER));
    }
    return new Parsed(holidays, problems);
  }

  record Parsed(List<Holiday> holidays, List<FieldProblem> problems) {}
}
