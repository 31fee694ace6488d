/**
 * Institution registry: the national level, provinces, regencies/cities and their OPDs, identified
 * by Kemendagri region codes, each with the Camunda groups its people work in.
 */
package id.lapor.institutions;
