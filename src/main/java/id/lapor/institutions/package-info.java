/**
 * Institution registry: the national level, provinces, regencies/cities and their OPDs, identified
 * by Kemendagri region codes, each with the Camunda groups its people work in.
 */
@ApplicationModule(displayName = "Instansi (institutions)", allowedDependencies = {"web"})
package id.lapor.institutions;

import org.springframework.modulith.ApplicationModule;
