/**
 * Web plumbing shared by every HTTP interface: problem details (RFC 7807) for every failure, in
 * one place.
 */
package id.lapor.web;
