package id.lapor.open311;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An error answered as GeoReport v2 says: the HTTP status and a list of code + description. */
class Open311Exception extends RuntimeException {

  private final HttpStatus status;
  private final List<String> descriptions;

  Open311Exception(HttpStatus status, String description) {
    this(status, List.of(description));
  }

  Open311Exception(HttpStatus status, List<String> descriptions) {
    super(String.join("; ", descriptions));
    this.status = status;
    this.descriptions = descriptions;
  }

  HttpStatus status() {
    return status;
  }

  List<String> descriptions() {
    return descriptions;
  }
}
