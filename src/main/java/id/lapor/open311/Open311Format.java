package id.lapor.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two formats of GeoReport v2, chosen by the resource's suffix. A document is a root element
 * holding a list of items (JSON: an array) or fields (JSON: an object); values are text, numbers,
 * booleans, null, or nested lists of fields (XML: the list's name in the singular for each item).
 */
enum Open311Format {
  XML(new MediaType("text", "xml", StandardCharsets.UTF_8)),
  JSON(new MediaType("application", "json", StandardCharsets.UTF_8));

  private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();
  private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

  private final MediaType mediaType;

  Open311Format(MediaType mediaType) {
    this.mediaType = mediaType;
  }

  static Open311Format of(String suffix) {
    return "json".equals(suffix) ? JSON : XML;
  }

  /** {@code <root><item>…</item>…</root>} or a JSON array of objects. */
  ResponseEntity<String> list(HttpStatus status, String root, String item, List<Map<String, Object>> items) {
    return ResponseEntity.status(status).contentType(mediaType).body(this == JSON ? json(items) : xml(root, item, items));
  }

  /** {@code <root>fields</root>} or a JSON object. */
  ResponseEntity<String> object(String root, Map<String, Object> fields) {
    return ResponseEntity.ok().contentType(mediaType).body(this == JSON ? json(fields) : xml(root, null, fields));
  }

  private static String json(Object value) {
    try {
      return JSON_MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String xml(String root, String item, Object content) {
    try {
      var out = new StringWriter();
      XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement(root);
      if (content instanceof List<?> items) {
        for (Object each : items) {
          xml.writeStartElement(item);
          fields(xml, (Map<?, ?>) each);
          xml.writeEndElement();
        }
      } else {
        fields(xml, (Map<?, ?>) content);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void fields(XMLStreamWriter xml, Map<?, ?> fields) throws XMLStreamException {
    for (Map.Entry<?, ?> field : fields.entrySet()) {
      String name = field.getKey().toString();
      Object value = field.getValue();
      if (value == null) {
        xml.writeEmptyElement(name);
      } else if (value instanceof List<?> list) {
        xml.writeStartElement(name);
        String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        for (Object each : list) {
          xml.writeStartElement(singular);
          if (each instanceof Map<?, ?> nested) {
            fields(xml, nested);
          } else {
            xml.writeCharacters(String.valueOf(each));
          }
          xml.writeEndElement();
        }
        xml.writeEndElement();
      } else {
        xml.writeStartElement(name);
        xml.writeCharacters(value.toString());
        xml.writeEndElement();
      }
    }
  }
}
