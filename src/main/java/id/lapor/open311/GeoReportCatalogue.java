package id.lapor.open311;

import id.lapor.complaint.Category;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Privacy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The GeoReport services: the complaint categories, and what a request of one may carry. */
@Component
class GeoReportCatalogue {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final MessageSource messages;

  GeoReportCatalogue(MessageSource messages) {
    this.messages = messages;
  }

  List<Map<String, Object>> services() {
    return Arrays.stream(Category.values()).map(this::service).toList();
  }

  /** The attributes a request may carry besides the standard fields. */
  Map<String, Object> definition(Category category) {
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("service_code", category.name());
    definition.put("attributes", List.of(
        attribute("title", "string", 1, "Judul singkat (paling banyak 150 karakter); bila kosong, awal deskripsi",
            List.of()),
        attribute("classification", "singlevaluelist", 2, "Jenis laporan (bawaan: PENGADUAN)",
            names(Classification.values())),
        attribute("privacy", "singlevaluelist", 3, "Kerahasiaan (bawaan: PUBLIC bila ada nama, "
            + "ANONYMOUS bila tidak). CONFIDENTIAL tidak pernah tampil di daftar publik", names(Privacy.values())),
        attribute("incident_date", "string", 4, "Tanggal kejadian, YYYY-MM-DD", List.of())));
    return definition;
  }

  private Map<String, Object> service(Category category) {
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("service_code", category.name());
    service.put("service_name", messages.getMessage("category." + category, null, INDONESIAN));
    service.put("description", messages.getMessage("open311.service." + category, null, "", INDONESIAN));
    service.put("metadata", true);
    service.put("type", "realtime");
    service.put("keywords", messages.getMessage("open311.keywords." + category, null, "", INDONESIAN));
    service.put("group", "pengaduan");
    return service;
  }

  private static Map<String, Object> attribute(String code, String datatype, int order, String description,
      List<String> values) {
    Map<String, Object> attribute = new LinkedHashMap<>();
    attribute.put("variable", true);
    attribute.put("code", code);
    attribute.put("datatype", datatype);
    attribute.put("required", false);
    attribute.put("datatype_description", null);
    attribute.put("order", order);
    attribute.put("description", description);
    attribute.put("values", values.stream().map(v -> {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("key", v);
      value.put("name", v);
      return value;
    }).toList());
    return attribute;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
