package id.lapor.attachments;

/**
 * An uploaded file that passed inspection, as it will be stored: location metadata removed from
 * photos, a safe name, its checksum.
 */
public record InspectedFile(String fileName, FileType type, byte[] content, String sha256, boolean locationRemoved) {}
