/**
 * Duplicate detection: open complaints similar to a given one in the same regency (or addressed to
 * the same institution across regencies), by Indonesian text similarity (Lucene), category, place
 * and time; shown with a score in Verify complaint.
 */
package id.lapor.duplicates;
