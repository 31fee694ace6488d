/**
 * Open311 GeoReport v2 under {@code /open311/v2}: other government apps (e.g. Kota Denpasar's
 * Pro Denpasar) list services, post requests into the same intake as every other channel, and
 * follow them — XML and JSON, errors as the specification says, API keys per integrating
 * institution (stored hashed, revocable). Confidential complaints and personal data never appear.
 */
@ApplicationModule(displayName = "Open311", allowedDependencies = {"attachments", "complaint", "institutions", "intake", "notifications", "web"})
package id.lapor.open311;

import org.springframework.modulith.ApplicationModule;
