/**
 * Deadlines: the SOP durations per regency and classification (DMN table {@code SopDeadlines}) and
 * the one service that turns them into due instants for timers, task due dates and the complaint.
 */
@ApplicationModule(displayName = "Tenggat SOP (deadlines)", allowedDependencies = {"calendar", "complaint", "institutions", "models"})
package id.lapor.deadlines;

import org.springframework.modulith.ApplicationModule;
