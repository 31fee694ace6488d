/**
 * The complaint (pengaduan) and its timeline: what was reported, where it stands, who handles it
 * and what happened to it. State changes only through methods that guard the transition.
 */
@ApplicationModule(displayName = "Pengaduan (complaint)", allowedDependencies = {"institutions"})
package id.lapor.complaint;

import org.springframework.modulith.ApplicationModule;
