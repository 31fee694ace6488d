/**
 * Security: who may call what. Staff authenticate against Camunda's identity store (users, groups,
 * tenants); the engine is told who the caller is so that its records name the actor.
 */
package id.lapor.security;
