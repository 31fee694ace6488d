package id.lapor.calendar;

/**
 * A year's holidays were loaded or replaced (by an operator's file at start or through the API):
 * deadlines of open complaints that reach into it are computed again (casework.DeadlineRecalculation).
 * Published inside the changing transaction; listeners act after it commits.
 */
public record HolidaysLoaded(int year) {}
