package id.lapor.calendar;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir folder with more holiday files ({@code holidays-*.csv}) an operator adds, besides the
 *     ones packaged in the application; read at start for years the database does not know yet
 */
@ConfigurationProperties("lapor.calendar")
record CalendarProperties(Path dir) {

  CalendarProperties {
    dir = dir == null ? Path.of("calendar") : dir;
  }
}
