/**
 * Duplicate detection: open complaints similar to a given one in the same regency (or addressed to
 * the same institution across regencies), by Indonesian text similarity (Lucene), category, place
 * and time; shown with a score in Verify complaint.
 */
@ApplicationModule(displayName = "Duplikat (duplicates)", allowedDependencies = {"complaint", "institutions", "text"})
package id.lapor.duplicates;

import org.springframework.modulith.ApplicationModule;
