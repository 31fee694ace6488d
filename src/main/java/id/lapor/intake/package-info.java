/**
 * Intake: every door into the system (for now the REST API) feeds {@link id.lapor.intake.ComplaintIntake};
 * the complainant's later supplements and replies, authorized by the follow-up token, come in here too.
 */
@ApplicationModule(displayName = "Penerimaan (intake)", allowedDependencies = {"attachments", "casework", "complaint", "deadlines", "institutions", "notifications", "web"})
package id.lapor.intake;

import org.springframework.modulith.ApplicationModule;
