/**
 * Demo data for the embedded default: institutions of Bali, Banyuwangi and Bangka Selatan, demo
 * logins (password {@code demo}) and a dozen complaints in different states. Never loads under the
 * {@code postgres} profile.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = {"calendar", "casework", "complaint", "institutions", "intake", "open311"})
package id.lapor.demo;

import org.springframework.modulith.ApplicationModule;
