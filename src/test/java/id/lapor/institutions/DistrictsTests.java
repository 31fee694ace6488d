package id.lapor.institutions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped kecamatan (geo/districts.csv): every kecamatan of Bali's nine regencies/cities,
 * Banyuwangi and Bangka Selatan, each point inside its regency's area, and a point suggests the
 * nearest kecamatan only when one is near.
 */
class DistrictsTests {

  final Districts districts = new Districts();

  @Test
  void shipsEveryKecamatanOfTheDemoRegionsWithAPointInsideItsRegency() {
    Map<String, Integer> expected = Map.ofEntries(Map.entry("51.01", 5), Map.entry("51.02", 10), Map.entry("51.03", 6),
        Map.entry("51.04", 7), Map.entry("51.05", 4), Map.entry("51.06", 4), Map.entry("51.07", 8),
        Map.entry("51.08", 9), Map.entry("51.71", 4), Map.entry("35.10", 25), Map.entry("19.03", 8));
    expected.forEach((region, count) -> assertThat(districts.of(region)).as(region).hasSize(count));
    districts.byRegion().forEach((region, list) -> list.forEach(d -> {
      assertThat(d.code()).startsWith(region + ".");
      if (region.startsWith("51.")) {
        assertThat(d.latitude()).as(d.name()).isBetween(-8.85, -8.05);
        assertThat(d.longitude()).as(d.name()).isBetween(114.43, 115.72);
      } else if (region.equals("35.10")) {
        assertThat(d.latitude()).as(d.name()).isBetween(-8.78, -7.72);
        assertThat(d.longitude()).as(d.name()).isBetween(113.85, 114.62);
      } else {
        assertThat(d.latitude()).as(d.name()).isBetween(-3.10, -2.35);
        assertThat(d.longitude()).as(d.name()).isBetween(105.90, 107.10);
      }
    }));
  }

  @Test
  void aPointSuggestsTheNearestKecamatanWhenOneIsNear() {
    assertThat(districts.nearest(-8.2520, 115.3370)).get().extracting(Districts.District::name).isEqualTo("Kintamani");
    assertThat(districts.nearest(-8.6705, 115.2126)).get().extracting(Districts.District::regionCode).isEqualTo("51.71");
    assertThat(districts.nearest(-8.2190, 114.3690)).get().extracting(Districts.District::regionCode)
        .as("Banyuwangi town").isEqualTo("35.10");
    assertThat(districts.nearest(-3.0000, 106.4600)).get().extracting(Districts.District::name).isEqualTo("Toboali");
    assertThat(districts.nearest(-6.2, 106.8)).as("Jakarta: nothing shipped near").isEmpty();
    assertThat(Districts.kilometres(-8.45, 115.35, -8.46, 115.35)).isBetween(1.10, 1.12);
  }
}
