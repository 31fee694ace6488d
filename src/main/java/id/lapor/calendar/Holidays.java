package id.lapor.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** All known holidays. */
interface Holidays extends JpaRepository<Holiday, LocalDate> {

  List<Holiday> findByDateBetweenOrderByDate(LocalDate from, LocalDate to);

  @Modifying
  @Query("delete from Holiday h where h.date between :from and :to")
  int deleteBetween(LocalDate from, LocalDate to);

  @Query("select distinct year(h.date) from Holiday h order by 1")
  List<Integer> years();
}
