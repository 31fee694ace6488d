package id.lapor.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.web.FieldProblem;
import org.junit.jupiter.api.Test;

class HolidayCsvTests {

  @Test
  void namesEveryBadLineByNumber() {
    var parsed = HolidayCsv.parse("""
        # a comment
        date,kind,name
        2027-01-01,LIBUR_NASIONAL,Tahun Baru 2027 Masehi
        2027-13-01,LIBUR_NASIONAL,Bulan ketiga belas
        2027-02-06,LIBUR,Imlek
        2027-03-01,CUTI_BERSAMA
        """);
    assertThat(parsed.holidays()).extracting(Holiday::getName).containsExactly("Tahun Baru 2027 Masehi");
    assertThat(parsed.problems()).extracting(FieldProblem::field).containsExactly("line 4", "line 5", "line 6");
  }

  @Test
  void insistsOnTheHeader() {
    assertThat(HolidayCsv.parse("2027-01-01,LIBUR_NASIONAL,Tahun Baru").problems())
        .extracting(FieldProblem::message).containsExactly("the header must be date,kind,name");
    assertThat(HolidayCsv.parse("").problems()).hasSize(1);
  }
}
