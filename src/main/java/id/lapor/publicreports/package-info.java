/**
 * The reports around you: what the public may see of the complaints in a region — a page with a map,
 * GeoJSON for other government apps and open-data portals, and the open reports near a point or like
 * a title being typed, which a citizen can join ("saya juga") instead of filing again. Never a
 * complainant, a description or a confidential complaint.
 */
@ApplicationModule(displayName = "Laporan publik (public reports)", allowedDependencies = {"complaint", "duplicates", "institutions", "notifications", "web"})
package id.lapor.publicreports;

import org.springframework.modulith.ApplicationModule;
