/**
 * Security: who may call what. Staff authenticate against Camunda's identity store (users, groups,
 * tenants); the engine is told who the caller is so that its records name the actor.
 */
@ApplicationModule(displayName = "Keamanan (security)", allowedDependencies = {"complaint", "institutions", "models", "web"})
package id.lapor.security;

import org.springframework.modulith.ApplicationModule;
