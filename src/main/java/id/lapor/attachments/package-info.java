/**
 * Attachments (lampiran): files are checked by their content (JPEG, PNG, PDF, MP4), photos lose
 * their location metadata, and the bytes are stored outside the process engine — in a directory
 * or the database — with a SHA-256 checksum. Staff who can see a complaint can open its files;
 * the public only those of public complaints.
 */
@ApplicationModule(displayName = "Lampiran (attachments)", allowedDependencies = {"web"})
package id.lapor.attachments;

import org.springframework.modulith.ApplicationModule;
