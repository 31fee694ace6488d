/**
 * Casework: the {@code ComplaintHandling} process glue. Starts and signals complaint processes,
 * holds the thin delegates the BPMN calls, checks task decisions and shows each task the
 * complaint it is about.
 */
@ApplicationModule(displayName = "Penanganan (casework)", allowedDependencies = {"attachments", "calendar", "complaint", "deadlines", "duplicates", "institutions", "models", "routing", "web"})
package id.lapor.casework;

import org.springframework.modulith.ApplicationModule;
