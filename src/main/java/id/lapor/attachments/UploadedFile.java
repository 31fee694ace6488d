package id.lapor.attachments;

/** A file as it arrived (from a multipart form or part): the name the client gave and its bytes. */
public record UploadedFile(String originalName, byte[] content) {}
