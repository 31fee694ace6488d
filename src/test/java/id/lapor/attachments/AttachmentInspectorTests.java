package id.lapor.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.web.FieldProblem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import id.lapor.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AttachmentInspectorTests {

  final AttachmentInspector inspector = new AttachmentInspector(
      new AttachmentProperties(null, null, DataSize.ofKilobytes(64), 5, 10));

  @Test
  void aPhotoLosesItsLocationButKeepsItsOrientation() throws Exception {
    byte[] photo = TestFiles.jpegWithLocation(-8.4095, 115.1889);
    assertThat(((JpegImageMetadata) Imaging.getMetadata(photo)).getExif().getGpsInfo()).isNotNull();

    InspectedFile file = inspectOne("IMG_2026.JPG", photo);

    assertThat(file.type()).isEqualTo(FileType.JPEG);
    assertThat(file.locationRemoved()).isTrue();
    var exif = ((JpegImageMetadata) Imaging.getMetadata(file.content())).getExif();
    assertThat(exif.getGpsInfo()).isNull();
    assertThat(exif.findField(TiffTagConstants.TIFF_TAG_ORIENTATION).getIntValue()).isEqualTo(6);
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(file.content())).getWidth()).isEqualTo(32);
    assertThat(file.sha256()).isEqualTo(AttachmentInspector.sha256(file.content())).hasSize(64);
  }

  @Test
  void aPngLosesItsExifAndTextChunks() throws Exception {
    byte[] png = TestFiles.pngWithChunks("tEXt", "Location\0-8.4095,115.1889", "eXIf", "MM\0*");
    InspectedFile file = inspectOne("peta.png", png);
    String kept = new String(file.content(), StandardCharsets.ISO_8859_1);
    assertThat(kept).doesNotContain("tEXt").doesNotContain("eXIf").doesNotContain("115.1889");
    assertThat(file.locationRemoved()).isTrue();
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(file.content())).getWidth()).isEqualTo(32);
  }

  @Test
  void theContentDecidesNotTheName() {
    assertThat(inspectOne("surat.pdf", TestFiles.pdf()).type()).isEqualTo(FileType.PDF);
    assertThat(inspectOne("video.bin", TestFiles.mp4()).type()).isEqualTo(FileType.MP4);

    List<FieldProblem> problems = new ArrayList<>();
    var files = inspector.inspect(List.of(
        new UploadedFile("foto.jpg", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
        new UploadedFile("film.mov", TestFiles.quickTime())), 0, problems);
    assertThat(files).isEmpty();
    assertThat(problems).extracting(FieldProblem::field).containsExactly("attachments[0]", "attachments[1]");
    assertThat(problems.get(0).message()).startsWith("is not a JPEG, PNG, PDF or MP4 file (its content is text/");
  }

  @Test
  void sizeAndCountAreBounded() {
    List<FieldProblem> problems = new ArrayList<>();
    byte[] big = new byte[(int) DataSize.ofKilobytes(65).toBytes()];
    System.arraycopy(TestFiles.pdf(), 0, big, 0, TestFiles.pdf().length);
    inspector.inspect(List.of(new UploadedFile("besar.pdf", big)), 0, problems);
    assertThat(problems).containsExactly(new FieldProblem("attachments[0]", "is larger than 0 MB"));

    problems.clear();
    inspector.inspect(Collections.nCopies(6, new UploadedFile("a.pdf", TestFiles.pdf())), 0, problems);
    assertThat(problems).extracting(FieldProblem::message).containsExactly("at most 5 files at once (got 6)");

    problems.clear();
    inspector.inspect(Collections.nCopies(2, new UploadedFile("a.pdf", TestFiles.pdf())), 9, problems);
    assertThat(problems).extracting(FieldProblem::message).containsExactly("a complaint carries at most 10 files (it has 9)");
  }

  @Test
  void namesAreMadeSafeForHeadersAndLinks() {
    assertThat(AttachmentInspector.safeName("C:\\Users\\budi\\Foto Jalan Rusak (1).jpeg", FileType.JPEG))
        .isEqualTo("Foto-Jalan-Rusak-1.jpg");
    assertThat(AttachmentInspector.safeName("x](javascript:alert(1)).png", FileType.PNG)).isEqualTo("x-javascript-alert-1.png");
    assertThat(AttachmentInspector.safeName("Surat Keterangan Dinas.exe", FileType.PDF))
        .isEqualTo("Surat-Keterangan-Dinas.pdf");
    assertThat(AttachmentInspector.safeName(null, FileType.MP4)).isEqualTo("lampiran.mp4");
    assertThat(AttachmentInspector.safeName("Pengaduan_Désa.png", FileType.PNG)).isEqualTo("Pengaduan_Desa.png");
  }

  private InspectedFile inspectOne(String name, byte[] content) {
    List<FieldProblem> problems = new ArrayList<>();
    var files = new AttachmentInspector(new AttachmentProperties(null, null, null, null, null))
        .inspect(List.of(new UploadedFile(name, content)), 0, problems);
    assertThat(problems).isEmpty();
    return files.get(0);
  }
}
