/**
 * Deadlines: the SOP durations per regency and classification (DMN table {@code SopDeadlines}) and
 * the one service that turns them into due instants for timers, task due dates and the complaint.
 */
package id.lapor.deadlines;
