package id.lapor.casework.steps;

import id.lapor.complaint.Complaint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A decision submitted on a task about a complaint, as its variables will be once taken, and the
 * problems found with it. Each problem starts with the field it is about, in words the officer can
 * act on ({@code opdCode: choose one of the OPDs of 51.06}).
 */
public final class Decision {

  /** The longest text a form field takes. */
  public static final int MAX_TEXT = 4000;

  private final Complaint complaint;
  private final Function<String, Object> values;
  private final List<String> problems = new ArrayList<>();

  public Decision(Complaint complaint, Function<String, Object> values) {
    this.complaint = complaint;
    this.values = values;
  }

  /** The complaint the task belongs to (from its instance's business key, never a variable). */
  public Complaint complaint() {
    return complaint;
  }

  /** The field's value as text, or null. */
  public String text(String field) {
    Object value = values.apply(field);
    return value == null ? null : value.toString();
  }

  /** The field's value when it is filled in, else null. */
  public String filled(String field) {
    String text = text(field);
    return text == null || text.isBlank() ? null : text;
  }

  /** The field's value when it names one of {@code values}; else a problem, and null. */
  public <E extends Enum<E>> E oneOf(String field, Class<E> values) {
    String value = text(field);
    for (E e : values.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    problem(field, "one of " + EnumSet.allOf(values).stream().map(Enum::name).collect(Collectors.joining(", ")));
    return null;
  }

  /** A problem unless the field holds a text of at most {@link #MAX_TEXT} characters. */
  public void requireText(String field) {
    String text = text(field);
    if (text == null || text.isBlank()) {
      problem(field, "required");
    } else {
      limitText(field);
    }
  }

  /** A problem when the (optional) field is longer than {@link #MAX_TEXT} characters. */
  public void limitText(String field) {
    String text = text(field);
    if (text != null && text.length() > MAX_TEXT) {
      problem(field, "at most " + MAX_TEXT + " characters");
    }
  }

  public void problem(String field, String what) {
    problems.add(field + ": " + what);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }
}
