package id.lapor.attachments;

import id.lapor.web.FieldProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Checks uploaded files and prepares them for storage: the type is read from the content (Apache
 * Tika's magic numbers; the name and the client's Content-Type are ignored), the size and count
 * are bounded, and photos lose their location — the GPS directory of a JPEG's EXIF (orientation and
 * the rest stay), its XMP packet, and a PNG's EXIF and text chunks — before anything is stored.
 */
@Component
public class AttachmentInspector {

  /** Tika's names for what we accept. MP4 files of phones often carry brands Tika files elsewhere. */
  private static final Map<String, FileType> ACCEPTED = Map.of(
      "image/jpeg", FileType.JPEG,
      "image/png", FileType.PNG,
      "application/pdf", FileType.PDF,
      "video/mp4", FileType.MP4,
      "video/x-m4v", FileType.MP4,
      "application/mp4", FileType.MP4,
      "video/quicktime", FileType.MP4);

  /** ISO base media brands of MP4 video (offset 8 after "ftyp"); QuickTime ("qt  ") is not MP4. */
  private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
      "avc1", "M4V ", "MSNV", "dash", "3gp4", "3gp5", "3gp6", "mmp4");

  private static final Set<String> PNG_DROPPED_CHUNKS = Set.of("eXIf", "tEXt", "zTXt", "iTXt");
  private static final int NAME_MAX = 120;

  private final Tika tika = new Tika();
  private final AttachmentProperties properties;

  AttachmentInspector(AttachmentProperties properties) {
    this.properties = properties;
  }

  /**
   * The files ready to store, or the problems of each (field {@code attachments[i]}) in
   * {@code problems}; {@code alreadyAttached} counts towards the per-complaint limit.
   */
  public List<InspectedFile> inspect(List<UploadedFile> files, int alreadyAttached, List<FieldProblem> problems) {
    List<UploadedFile> present = files.stream().filter(f -> f.content() != null && f.content().length > 0).toList();
    List<InspectedFile> inspected = new ArrayList<>();
    if (present.size() > properties.maxFilesPerUpload()) {
      problems.add(new FieldProblem("attachments", "at most " + properties.maxFilesPerUpload()
          + " files at once (got " + present.size() + ")"));
      return inspected;
    }
    if (alreadyAttached + present.size() > properties.maxFilesPerComplaint()) {
      problems.add(new FieldProblem("attachments", "a complaint carries at most " + properties.maxFilesPerComplaint()
          + " files (it has " + alreadyAttached + ")"));
      return inspected;
    }
    for (int i = 0; i < present.size(); i++) {
      UploadedFile file = present.get(i);
      String field = "attachments[" + i + "]";
      if (file.content().length > properties.maxFileSize().toBytes()) {
        problems.add(new FieldProblem(field, "is larger than " + properties.maxFileSize().toMegabytes() + " MB"));
        continue;
      }
      Optional<FileType> type = typeOf(file.content());
      if (type.isEmpty()) {
        problems.add(new FieldProblem(field, "is not a JPEG, PNG, PDF or MP4 file (its content is "
            + tika.detect(file.content()) + ")"));
        continue;
      }
      try {
        Stripped stripped = withoutLocation(type.get(), file.content());
        inspected.add(new InspectedFile(safeName(file.originalName(), type.get()), type.get(), stripped.content(),
            sha256(stripped.content()), stripped.removed()));
      } catch (IOException | RuntimeException e) {
        problems.add(new FieldProblem(field, "is a damaged " + type.get() + " file"));
      }
    }
    return inspected;
  }

  Optional<FileType> typeOf(byte[] content) {
    FileType type = ACCEPTED.get(tika.detect(content));
    if (type == FileType.MP4 && !isMp4Brand(content)) {
      return Optional.empty();
    }
    return Optional.ofNullable(type);
  }

  private static boolean isMp4Brand(byte[] c) {
    return c.length >= 12 && new String(c, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")
        && MP4_BRANDS.contains(new String(c, 8, 4, StandardCharsets.ISO_8859_1));
  }

  record Stripped(byte[] content, boolean removed) {}

  Stripped withoutLocation(FileType type, byte[] content) throws IOException {
    return switch (type) {
      case JPEG -> jpegWithoutLocation(content);
      case PNG -> pngWithoutMetadataChunks(content);
      default -> new Stripped(content, false);
    };
  }

  private static Stripped jpegWithoutLocation(byte[] content) throws IOException {
    byte[] result = content;
    boolean removed = false;
    ImageMetadata metadata = Imaging.getMetadata(content);
    if (metadata instanceof JpegImageMetadata jpeg && jpeg.getExif() != null) {
      TiffImageMetadata exif = jpeg.getExif();
      TiffOutputSet out = exif.getOutputSet();
      TiffOutputDirectory gps = out == null ? null : out.getGpsDirectory();
      if (gps != null) {
        for (TiffOutputField field : new ArrayList<>(gps.getFields())) {
          gps.removeField(field.tag);
        }
        var buffer = new ByteArrayOutputStream(content.length);
        try {
          new ExifRewriter().updateExifMetadataLossless(result, buffer, out);
        } catch (ImagingException e) {
          // EXIF the rewriter cannot keep: drop it whole rather than keep a location
          buffer.reset();
          new ExifRewriter().removeExifMetadata(result, buffer);
        }
        result = buffer.toByteArray();
        removed = true;
      }
    }
    if (Imaging.getXmpXml(result) != null) {
      var buffer = new ByteArrayOutputStream(result.length);
      new JpegXmpRewriter().removeXmpXml(result, buffer);
      result = buffer.toByteArray();
      removed = true;
    }
    return new Stripped(result, removed);
  }

  /** Copies a PNG chunk by chunk, leaving out EXIF and text chunks (where location metadata lives). */
  private static Stripped pngWithoutMetadataChunks(byte[] content) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(content);
    var out = new ByteArrayOutputStream(content.length);
    out.write(content, 0, 8);
    in.position(8);
    boolean removed = false;
    while (in.remaining() >= 12) {
      int start = in.position();
      int length = in.getInt();
      String chunk = new String(content, start + 4, 4, StandardCharsets.ISO_8859_1);
      long total = 12L + Integer.toUnsignedLong(length);
      if (length < 0 || total > content.length - start) {
        throw new IOException("PNG chunk " + chunk + " runs past the end of the file");
      }
      if (PNG_DROPPED_CHUNKS.contains(chunk)) {
        removed = true;
      } else {
        out.write(content, start, (int) total);
      }
      in.position(start + (int) total);
      if (chunk.equals("IEND")) {
        break;
      }
    }
    return new Stripped(out.toByteArray(), removed);
  }

  /** A name fit for a download header and a Markdown link: letters, digits, dot, dash, underscore. */
  static String safeName(String original, FileType type) {
    String base = original == null ? "" : original.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    if (dot > 0) {
      base = base.substring(0, dot);
    }
    base = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
    if (base.isEmpty()) {
      base = "lampiran";
    }
    String suffix = "." + type.extension();
    if (base.length() + suffix.length() > NAME_MAX) {
      base = base.substring(0, NAME_MAX - suffix.length());
    }
    return base + suffix;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
