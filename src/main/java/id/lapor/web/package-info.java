/**
 * Web plumbing shared by every HTTP interface: problem details (RFC 7807) for every failure, in
 * one place.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {"complaint"})
package id.lapor.web;

import org.springframework.modulith.ApplicationModule;
