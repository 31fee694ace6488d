package id.lapor.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A day government offices are closed although it is a weekday (or a weekend holiday, listed too). */
@Entity
@Table(name = "holiday")
class Holiday {

  @Id
  private LocalDate date;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private HolidayKind kind;

  @Column(nullable = false, length = 150)
  private String name;

  protected Holiday() {}

  public Holiday(LocalDate date, HolidayKind kind, String name) {
    this.date = date;
    this.kind = kind;
    this.name = name;
  }

  public LocalDate getDate() {
    return date;
  }

  public HolidayKind getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }
}
