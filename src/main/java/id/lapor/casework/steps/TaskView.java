package id.lapor.casework.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.complaint.Complaint;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * What a task's form shows of its complaint, read when the form is opened (the complaint never
 * enters process variables): the header every form shares, and what the task's step adds.
 */
public final class TaskView {

  /** Labels in the officers' language. */
  @FunctionalInterface
  public interface Labels {
    String label(String key, Object... args);
  }

  private final Complaint complaint;
  private final ZoneId zone;
  private final Labels labels;
  private final ObjectMapper json;
  private final Map<String, TypedValue> fields;

  public TaskView(Complaint complaint, ZoneId zone, Labels labels, ObjectMapper json, Map<String, TypedValue> fields) {
    this.complaint = complaint;
    this.zone = zone;
    this.labels = labels;
    this.json = json;
    this.fields = fields;
  }

  public Complaint complaint() {
    return complaint;
  }

  /** The zone of the complaint's regency, in which its times are shown. */
  public ZoneId zone() {
    return zone;
  }

  /** A read-only text field of the form ("-" when there is nothing to show). */
  public void text(String id, String value) {
    fields.put(id, Variables.stringValue(Objects.requireNonNullElse(value, "-")));
  }

  /** An option list for a select or radio of the form (form-js "options source: input data"). */
  public void options(String id, List<Option> options) {
    try {
      fields.put(id, SpinValues.jsonValue(json.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Options cannot be written as JSON", e);
    }
  }

  public String label(String key, Object... args) {
    return labels.label(key, args);
  }

  /** A time as the regency reads it: {@code 17 Mar 2026 16.00 WITA}. */
  public String at(Instant instant) {
    return FormText.at(instant, zone);
  }

  /** An entry of a form-js option list. */
  public record Option(String label, String value) {}
}
