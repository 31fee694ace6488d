/**
 * Government working-day calendar: Monday to Friday minus national holidays (libur nasional) and
 * joint leave days (cuti bersama), kept as data an operator updates each year.
 */
@ApplicationModule(displayName = "Kalender kerja (calendar)", allowedDependencies = {"web"})
package id.lapor.calendar;

import org.springframework.modulith.ApplicationModule;
