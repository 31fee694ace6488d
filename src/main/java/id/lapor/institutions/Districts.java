package id.lapor.institutions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The kecamatan of the regencies the application ships geography for ({@code geo/districts.csv}:
 * Kemendagri codes and names, an approximate point each; see {@code geo/README.md}), so that a point
 * placed on the portal's map suggests its regency and kecamatan.
 */
@Component
public class Districts {

  /** A point further than this from every known kecamatan suggests none. */
  static final double SUGGEST_WITHIN_KM = 25;

  public record District(String code, String regionCode, String name, double latitude, double longitude) {}

  private final Map<String, List<District>> byRegion = new LinkedHashMap<>();
  private final List<District> all = new ArrayList<>();

  public Districts() {
    this(new ClassPathResource("geo/districts.csv"));
  }

  Districts(ClassPathResource csv) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
      String header = in.readLine();
      if (header == null || !header.startsWith("code,regency_code,name,latitude,longitude")) {
        throw new IllegalStateException(csv + " has no header code,regency_code,name,latitude,longitude");
      }
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 5) {
          throw new IllegalStateException(csv + " line " + number + ": expected 5 columns");
        }
        District d = new District(f[0].strip(), f[1].strip(), f[2].strip(), Double.parseDouble(f[3]),
            Double.parseDouble(f[4]));
        all.add(d);
        byRegion.computeIfAbsent(d.regionCode(), r -> new ArrayList<>()).add(d);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kecamatan of a regency/city, by name; empty for one without shipped geography. */
  public List<District> of(String regionCode) {
    return byRegion.getOrDefault(regionCode, List.of()).stream().sorted(Comparator.comparing(District::name)).toList();
  }

  /** Every kecamatan with a point, by region code. */
  public Map<String, List<District>> byRegion() {
    return byRegion;
  }

  /** The kecamatan whose point is nearest, if one lies within {@value #SUGGEST_WITHIN_KM} km. */
  public Optional<District> nearest(double latitude, double longitude) {
    return all.stream().min(Comparator.comparingDouble(d -> kilometres(latitude, longitude, d.latitude(), d.longitude())))
        .filter(d -> kilometres(latitude, longitude, d.latitude(), d.longitude()) <= SUGGEST_WITHIN_KM);
  }

  /** Great-circle distance (haversine). */
  public static double kilometres(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
        * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }
}
