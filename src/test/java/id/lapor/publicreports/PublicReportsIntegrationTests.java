package id.lapor.publicreports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complainant;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.LaporTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The reports around you, as data and as a page: only what the public may see (never a confidential
 * complaint, a complainant's name or contact, or a description), points only where the complainant
 * placed one, filters and paging, the open reports near a point or like a title being typed, and the
 * place a point lies in; bad parameters are named, all at once.
 */
@LaporTest
class PublicReportsIntegrationTests {

  /** Bangka Selatan: few other tests submit there. */
  static final String REGION = "19.03";
  static final String NAME = "Rahasia Pelapor Sekali";
  static final String EMAIL = "pelapor.rahasia@example.org";

  @Autowired TestRestTemplate http;
  @Autowired ComplaintIntake intake;
  @Autowired ObjectMapper json;

  private String submit(String title, String description, Category category, Privacy privacy, String district,
      Double lat, Double lon) {
    return intake.submit(new NewComplaint(Classification.PENGADUAN, title, description, category,
        LocalDate.of(2026, 11, 1), new Location(REGION, district, lat, lon), Channel.WEB, privacy,
        new Complainant(NAME, EMAIL, "+6281299900001"))).trackingNumber();
  }

  private JsonNode get(String path) throws Exception {
    var response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private static JsonNode feature(JsonNode collection, String tn) {
    for (JsonNode f : collection.get("features")) {
      if (f.get("id").asText().equals(tn)) {
        return f;
      }
    }
    return null;
  }

  @Test
  void geoJsonShowsWhatThePublicMaySeeAndNothingElse() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 6);
    String placed = submit("Jembatan kayu lapuk " + marker, "Isi rinci yang tidak boleh tampil di daftar " + marker,
        Category.INFRASTRUKTUR, Privacy.PUBLIC, "Toboali", -3.0105, 106.4560);
    String unplaced = submit("Sampah menumpuk di pasar " + marker, "Deskripsi " + marker, Category.LINGKUNGAN,
        Privacy.PUBLIC, "Lepar", null, null);
    String anonymous = submit("Pungutan liar di kantor desa " + marker, "Deskripsi anonim " + marker,
        Category.KETERTIBAN_UMUM, Privacy.ANONYMOUS, "Payung", -2.9870, 106.1490);
    String confidential = submit("Laporan rahasia soal pegawai " + marker, "Deskripsi rahasia " + marker,
        Category.LAINNYA, Privacy.CONFIDENTIAL, "Toboali", -3.0110, 106.4570);

    var response = http.getForEntity("/api/public-reports?regionCode=" + REGION + "&size=500", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/geo+json");
    assertThat(response.getBody()).as("no complainant, no description, nothing confidential")
        .doesNotContain(NAME, EMAIL, "6281299900001", "Deskripsi", "Isi rinci", "Laporan rahasia", confidential);
    JsonNode fc = json.readTree(response.getBody());
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");

    JsonNode p = feature(fc, placed);
    assertThat(p.get("type").asText()).isEqualTo("Feature");
    assertThat(p.at("/geometry/type").asText()).isEqualTo("Point");
    assertThat(p.at("/geometry/coordinates/0").asDouble()).as("longitude first").isEqualTo(106.4560);
    assertThat(p.at("/geometry/coordinates/1").asDouble()).isEqualTo(-3.0105);
    assertThat(p.at("/properties/title").asText()).isEqualTo("Jembatan kayu lapuk " + marker);
    assertThat(p.at("/properties/category").asText()).isEqualTo("INFRASTRUKTUR");
    assertThat(p.at("/properties/categoryLabel").asText()).isEqualTo("Infrastruktur dan jalan");
    assertThat(p.at("/properties/district").asText()).isEqualTo("Toboali");
    assertThat(p.at("/properties/regionName").asText()).isEqualTo("Kab. Bangka Selatan");
    assertThat(p.at("/properties/status").asText()).isEqualTo("SUBMITTED");
    assertThat(p.at("/properties/open").asBoolean()).isTrue();
    assertThat(p.at("/properties/ageDays").isIntegralNumber()).isTrue();
    assertThat(p.at("/properties/url").asText()).isEqualTo("/lacak/" + placed);
    assertThat(p.at("/properties/link").asText()).isEqualTo("http://localhost:8080/lacak/" + placed);
    assertThat(feature(fc, unplaced).get("geometry").isNull()).as("no point invented").isTrue();
    assertThat(feature(fc, anonymous)).as("anonymous reports are public, without their reporter").isNotNull();
    assertThat(feature(fc, anonymous).at("/properties/joinable").asBoolean()).isFalse();
    assertThat(feature(fc, placed).at("/properties/joinable").asBoolean()).isTrue();

    // filters: category, with a point, state; a province means its regencies
    JsonNode environment = get("/api/public-reports?regionCode=" + REGION + "&category=lingkungan&size=500");
    assertThat(feature(environment, unplaced)).isNotNull();
    assertThat(feature(environment, placed)).isNull();
    JsonNode located = get("/api/public-reports?regionCode=" + REGION + "&located=true&size=500");
    assertThat(feature(located, placed)).isNotNull();
    assertThat(feature(located, unplaced)).isNull();
    assertThat(feature(get("/api/public-reports?regionCode=" + REGION + "&status=closed&size=500"), placed)).isNull();
    assertThat(feature(get("/api/public-reports?regionCode=19&size=500"), placed)).as("the province's").isNotNull();
    assertThat(feature(get("/api/public-reports?regionCode=51.06&size=500"), placed)).as("not Bangli's").isNull();
  }

  @Test
  void pagesAreNewestFirstWithALinkToTheNext() throws Exception {
    String older = submit("Jalan rusak di Desa Rias", "Deskripsi", Category.INFRASTRUKTUR, Privacy.PUBLIC, "Toboali",
        null, null);
    String newer = submit("Lampu jalan padam di Rias", "Deskripsi", Category.INFRASTRUKTUR, Privacy.PUBLIC, "Toboali",
        null, null);
    var first = http.getForEntity("/api/public-reports?regionCode=" + REGION + "&size=1", String.class);
    JsonNode page = json.readTree(first.getBody());
    assertThat(page.get("features")).hasSize(1);
    assertThat(page.at("/features/0/id").asText()).isEqualTo(newer);
    assertThat(page.get("next").asText()).contains("page=1").contains("size=1");
    assertThat(first.getHeaders().getFirst(HttpHeaders.LINK)).contains("rel=\"next\"", "page=1");
    JsonNode second = get(java.net.URI.create(page.get("next").asText()).getRawPath() + "?"
        + java.net.URI.create(page.get("next").asText()).getRawQuery());
    assertThat(second.at("/features/0/id").asText()).isEqualTo(older);
    assertThat(second.get("page").asInt()).isEqualTo(1);
  }

  @Test
  void badParametersAreNamedAllAtOnce() throws Exception {
    var response = http.getForEntity("/api/public-reports?regionCode=99.99&category=JALAN&status=lama&size=5000&page=-1",
        String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = new ArrayList<>();
    json.readTree(response.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("regionCode", "category", "status", "size", "page");

    var nearby = http.getForEntity("/api/public-reports/nearby?regionCode=" + REGION + "&lat=95&lon=abc", String.class);
    assertThat(nearby.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(nearby.getBody()).contains("lat", "lon");
    String words = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "k" + i).collect(
        java.util.stream.Collectors.joining(" "));
    assertThat(http.getForEntity("/api/public-reports/nearby?regionCode=" + REGION + "&text=" + words.repeat(2),
        String.class).getStatusCode()).as("more than a title").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/public-reports/nearby?regionCode=" + REGION + "&text=" + words.substring(0, 149),
        String.class).getStatusCode()).as("a title of many short words").isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/api/public-reports/nearby", String.class).getStatusCode())
        .as("neither a region nor a point").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/public-reports/nearby?lat=-3&lon=NaN", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theOpenReportsNearAPointOrLikeATitleAndThePlaceAPointLiesIn() throws Exception {
    String marker = "kolam" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "x");
    String near = submit("Saluran air tersumbat di Airgegas", "Air meluap ke rumah warga setiap hujan.",
        Category.INFRASTRUKTUR, Privacy.PUBLIC, "Airgegas", -2.7600, 106.2200);
    String alike = submit("Kolam ikan " + marker + " tercemar limbah pabrik", "Ikan mati di kolam " + marker + ".",
        Category.LINGKUNGAN, Privacy.PUBLIC, "Toboali", null, null);
    String secret = submit("Saluran air rahasia", "Rahasia", Category.INFRASTRUKTUR, Privacy.CONFIDENTIAL,
        "Airgegas", -2.7601, 106.2201);

    JsonNode around = get("/api/public-reports/nearby?regionCode=" + REGION + "&lat=-2.7605&lon=106.2205");
    List<String> found = new ArrayList<>();
    around.get("reports").forEach(r -> found.add(r.get("trackingNumber").asText()));
    assertThat(found).contains(near).doesNotContain(secret, alike);
    JsonNode first = around.at("/reports/0");
    assertThat(first.get("trackingNumber").asText()).isEqualTo(near);
    assertThat(first.get("metres").asInt()).isBetween(50, 100);
    assertThat(first.get("joinable").asBoolean()).isTrue();

    JsonNode typed = get("/api/public-reports/nearby?regionCode=" + REGION + "&text=kolam " + marker + " tercemar");
    List<String> like = new ArrayList<>();
    typed.get("reports").forEach(r -> like.add(r.get("trackingNumber").asText()));
    assertThat(like).as(typed.toString()).contains(alike).doesNotContain(near);

    // a point in Bangli's north suggests Kintamani, Kab. Bangli, whatever region is chosen
    JsonNode place = get("/api/public-reports/nearby?lat=-8.2520&lon=115.3370").get("place");
    assertThat(place.get("regionCode").asText()).isEqualTo("51.06");
    assertThat(place.get("district").asText()).isEqualTo("Kintamani");
    assertThat(get("/api/public-reports/nearby?lat=1.0&lon=100.0").has("place")).as("far from all").isFalse();
  }

  @Test
  void thePageListsTheRegionsPublicReportsAndTheStatusPageNamesTheKecamatanAndCategory() {
    String tn = submit("Puskesmas tutup siang hari", "Deskripsi halaman", Category.KESEHATAN, Privacy.PUBLIC, "Simpang Rimba",
        null, null);
    String secret = submit("Nama kepala dinas disebut", "Rahasia", Category.LAINNYA, Privacy.CONFIDENTIAL, "Toboali",
        null, null);
    String page = http.getForObject("/laporan?regionCode=" + REGION + "&category=KESEHATAN&lang=id", String.class);
    assertThat(page).contains("Puskesmas tutup siang hari", "Simpang Rimba, Kab. Bangka Selatan", "Layanan kesehatan",
        "/lacak/" + tn).doesNotContain(NAME, "Deskripsi halaman", "Nama kepala dinas disebut", secret);
    assertThat(page).as("the configured name and the favicon").contains("— SP4N-LAPOR!</title>", "/favicon.svg");
    var favicon = http.getForEntity("/favicon.svg", String.class);
    assertThat(favicon.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(favicon.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
    String english = http.getForObject("/laporan?regionCode=" + REGION + "&lang=en", String.class);
    assertThat(english).contains("Citizens&#39; reports in Kab. Bangka Selatan");
    assertThat(http.getForObject("/laporan?regionCode=nowhere&lang=id", String.class)).as("a hand-edited filter")
        .contains("Saringan yang tidak dikenal diabaikan");

    assertThat(http.getForObject("/lacak/" + tn + "?lang=id", String.class)).contains("Layanan kesehatan",
        "Simpang Rimba, Kab. Bangka Selatan");
  }
}
