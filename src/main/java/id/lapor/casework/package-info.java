/**
 * Casework: the {@code ComplaintHandling} process glue. Starts and signals complaint processes,
 * holds the thin delegates the BPMN calls, checks task decisions and shows each task the
 * complaint it is about.
 */
package id.lapor.casework;
