package id.lapor.intake;

import id.lapor.attachments.Attachment;
import id.lapor.attachments.AttachmentInspector;
import id.lapor.attachments.AttachmentView;
import id.lapor.attachments.Attachments;
import id.lapor.attachments.InspectedFile;
import id.lapor.attachments.UploadedFile;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.TimelineEventType;
import id.lapor.web.FieldProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The citizen side of attachments: uploads from the portal and the API, and which files the public
 * may open. Everyone sees the images and PDFs of a public complaint (photos without their location);
 * the complainant, with the follow-up token, sees all of their own; nobody else sees the files of an
 * anonymous or confidential complaint, nor any video.
 */
@Component
class ComplaintFiles {

  private final AttachmentInspector inspector;
  private final Attachments attachments;

  ComplaintFiles(AttachmentInspector inspector, Attachments attachments) {
    this.inspector = inspector;
    this.attachments = attachments;
  }

  /** Inspected uploads; problems (field {@code attachments[i]}) go to {@code problems}. */
  List<InspectedFile> inspect(List<MultipartFile> files, Optional<Complaint> to, List<FieldProblem> problems) {
    if (files == null || files.isEmpty()) {
      return List.of();
    }
    List<UploadedFile> uploads = files.stream().map(f -> {
      try {
        return new UploadedFile(f.getOriginalFilename(), f.getBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
    int already = to.map(c -> attachments.countOf(c.getId(), false)).orElse(0);
    return inspector.inspect(uploads, already, problems);
  }

  /** The files of {@code c} the caller may open, each with its address. */
  List<AttachmentView> visible(Complaint c, boolean withToken, LongFunction<String> url) {
    return attachments.of(c.getId()).stream().filter(a -> visible(c, a, withToken))
        .map(a -> AttachmentView.of(a, url.apply(a.getId()))).toList();
  }

  /** One file, or empty (answered as 404) when it does not exist or the caller may not open it. */
  Optional<ResponseEntity<byte[]>> open(Complaint c, long attachmentId, boolean withToken) {
    return attachments.find(c.getId(), attachmentId).filter(a -> visible(c, a, withToken))
        .map(a -> attachments.response(a, a.isPublicPreviewable()));
  }

  private static boolean visible(Complaint c, Attachment a, boolean withToken) {
    return (!a.isFollowUpEvidence() || posted(c, a))
        && (withToken || (c.getPrivacy() == Privacy.PUBLIC && a.isPublicPreviewable()));
  }

  /** The OPD's evidence reaches the complainant with its follow-up: once a follow-up was posted after it. */
  private static boolean posted(Complaint c, Attachment evidence) {
    return c.getTimeline().stream().anyMatch(e -> e.getType() == TimelineEventType.FOLLOW_UP_POSTED
        && !e.getOccurredAt().isBefore(evidence.getUploadedAt()));
  }
}
