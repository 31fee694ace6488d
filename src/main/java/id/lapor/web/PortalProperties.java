package id.lapor.web;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the citizen portal presents itself (lapor.portal): the name in the header and the browser tab,
 * the operator's logo, and the map's tile server.
 *
 * @param name what citizens see as the service's name, e.g. "LAPOR! Kabupaten Bangli"
 * @param logoFile a PNG, SVG or JPEG on the server shown next to the name, or none
 * @param map the portal's maps
 */
@ConfigurationProperties("lapor.portal")
public record PortalProperties(@DefaultValue("SP4N-LAPOR!") String name, Path logoFile, @DefaultValue Map map) {

  /**
   * @param tileUrl tile server ({z}/{x}/{y}, optionally {s}); empty: no map (offline installations), the
   *     latitude/longitude fields alone
   * @param attribution the tiles' attribution, shown on the map as their licence asks
   * @param maxZoom deepest zoom the tile server offers
   * @param centerLatitude where a map opens without a region chosen
   * @param centerLongitude where a map opens without a region chosen
   * @param zoom the zoom it opens with
   */
  public record Map(
      @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
      @DefaultValue("© OpenStreetMap") String attribution,
      @DefaultValue("19") int maxZoom,
      @DefaultValue("-8.45") double centerLatitude,
      @DefaultValue("115.25") double centerLongitude,
      @DefaultValue("9") int zoom) {

    public boolean enabled() {
      return tileUrl != null && !tileUrl.isBlank();
    }
  }

  public boolean hasLogo() {
    return logoFile != null;
  }
}
