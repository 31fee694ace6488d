/**
 * Government working-day calendar: Monday to Friday minus national holidays (libur nasional) and
 * joint leave days (cuti bersama), kept as data an operator updates each year.
 */
package id.lapor.calendar;
