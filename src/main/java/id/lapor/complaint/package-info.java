/**
 * The complaint (pengaduan) and its timeline: what was reported, where it stands, who handles it
 * and what happened to it. State changes only through methods that guard the transition.
 */
package id.lapor.complaint;
