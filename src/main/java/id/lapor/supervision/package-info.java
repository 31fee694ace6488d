/**
 * Supervision: the read model supervisors' figures come from (kept by the complaint itself, rebuilt
 * here), figures per OPD, regency/city, province and nation, the Cockpit dashboard "Pengaduan",
 * reports for leaders and the connectivity of institutions.
 */
@ApplicationModule(displayName = "Supervisi (supervision)", allowedDependencies = {"calendar", "complaint", "deadlines", "institutions", "models", "web"})
package id.lapor.supervision;

import org.springframework.modulith.ApplicationModule;
