package id.lapor.intake;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import id.lapor.notifications.NotificationProperties;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The receipt a citizen keeps (tanda terima): after submitting, the portal leads here instead of a
 * page shown once. It holds the tracking number, what was reported, the deadline of the first step,
 * the private link in full (the configured public address) with a copy button and a QR code, how
 * to follow up by web and SMS, and a PDF to print or keep. It may be reloaded and bookmarked: the
 * follow-up token in its address is what opens it; without a valid one it leads to the public status.
 */
@Controller
class ReceiptController {

  private final Complaints complaints;
  private final Institutions institutions;
  private final MessageSource messages;
  private final NotificationProperties properties;
  private final id.lapor.notifications.CitizenLinks links;
  private final id.lapor.casework.ProvisionalDeadlines provisional;

  ReceiptController(Complaints complaints, Institutions institutions, MessageSource messages,
      NotificationProperties properties, id.lapor.notifications.CitizenLinks links,
      id.lapor.casework.ProvisionalDeadlines provisional) {
    this.provisional = provisional;
    this.links = links;
    this.complaints = complaints;
    this.institutions = institutions;
    this.messages = messages;
    this.properties = properties;
  }

  @GetMapping("/lacak/{trackingNumber}/tanda-terima")
  @Transactional(readOnly = true)
  String receipt(@PathVariable String trackingNumber, @RequestParam(required = false) String token, Model model,
      Locale locale, org.springframework.security.web.csrf.CsrfToken csrf) {
    // the send form's token, made (with its session) before the page starts streaming out
    csrf.getToken();
    Complaint c = complaints.findByTrackingNumber(trackingNumber).orElse(null);
    if (c == null || token == null || !c.acceptsToken(token)) {
      return "redirect:/lacak/" + (c == null ? "" : c.getTrackingNumber());
    }
    Receipt r = receipt(c, token, locale);
    model.addAttribute("r", r);
    model.addAttribute("qr", ReceiptCodes.svg(r.privateLink(), label("portal.receipt.qr", locale)));
    model.addAttribute("canSend", id.lapor.notifications.CitizenLinks.hasContact(c));
    return "portal/receipt";
  }

  /**
   * Sends the receipt, with a private link, to the email address and/or phone number given with the
   * complaint (never to one typed here); the token proves it is the complainant asking.
   */
  @org.springframework.web.bind.annotation.PostMapping("/lacak/{trackingNumber}/tanda-terima/kirim")
  @Transactional
  String send(@PathVariable String trackingNumber, @RequestParam(required = false) String token, Locale locale,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    Complaint c = complaints.findByTrackingNumber(trackingNumber).orElse(null);
    if (c == null || token == null || !c.acceptsToken(token)) {
      return "redirect:/lacak/" + (c == null ? "" : c.getTrackingNumber());
    }
    var media = links.sendReceipt(c, locale);
    redirect.addFlashAttribute("sent", media.isEmpty() ? "none" : media.contains(id.lapor.notifications.NoticeMedium.EMAIL)
        ? media.size() > 1 ? "both" : "email" : "phone");
    redirect.addAttribute("token", token);
    return "redirect:/lacak/" + c.getTrackingNumber() + "/tanda-terima";
  }

  @GetMapping(path = "/lacak/{trackingNumber}/tanda-terima.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> pdf(@PathVariable String trackingNumber, @RequestParam(required = false) String token,
      Locale locale) {
    Complaint c = complaints.findByTrackingNumber(trackingNumber).orElse(null);
    if (c == null || token == null || !c.acceptsToken(token)) {
      return ResponseEntity.notFound().build();
    }
    Receipt r = receipt(c, token, locale);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("tanda-terima-" + r.trackingNumber() + ".pdf").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf(r, locale));
  }

  private Receipt receipt(Complaint c, String token, Locale locale) {
    ZoneId zone = institutions.zoneOf(c.getAddressedRegionCode());
    String link = UriComponentsBuilder.fromUri(properties.publicUrl()).path("/lacak/{tn}").queryParam("token", token)
        .buildAndExpand(c.getTrackingNumber()).encode().toUriString();
    String place = (c.getLocation().district() == null ? "" : c.getLocation().district() + ", ")
        + institutions.findById(c.getLocation().regionCode()).map(Institution::getName)
            .orElse(c.getLocation().regionCode());
    boolean copySent = c.getComplainant().map(p -> p.getEmail() != null || p.getPhone() != null).orElse(false);
    return new Receipt(c.getTrackingNumber(), c.getTitle(), label("category." + c.getCategory(), locale), place,
        PortalController.at(c.getSubmittedAt(), zone, locale), c.getCurrentDeadline().map(d -> PortalController.at(d, zone, locale)
            + provisional.note(d, zone, locale).map(n -> " (" + n + ")").orElse("")).orElse(null), link,
        "CEK " + c.getTrackingNumber(), copySent);
  }

  /** The receipt as one A5 page: the same facts, the link written out, the QR code drawn as vectors. */
  private byte[] pdf(Receipt r, Locale locale) {
    var out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A5, 36, 36, 36, 36);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    document.addTitle(label("portal.receipt.title", locale) + " " + r.trackingNumber());
    document.open();
    Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
    Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
    document.add(new Paragraph("SP4N-LAPOR! — " + label("portal.receipt.title", locale), title));
    document.add(new Paragraph(r.trackingNumber(), FontFactory.getFont(FontFactory.COURIER_BOLD, 16)));
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put(label("portal.receipt.what", locale), r.title());
    facts.put(label("portal.receipt.category", locale), r.category());
    facts.put(label("portal.receipt.where", locale), r.place());
    facts.put(label("portal.receipt.submittedAt", locale), r.submittedAt());
    if (r.deadline() != null) {
      facts.put(label("portal.receipt.deadline", locale), r.deadline());
    }
    for (var f : facts.entrySet()) {
      Paragraph p = new Paragraph();
      p.add(new com.lowagie.text.Chunk(f.getKey() + ": ", bold));
      p.add(new com.lowagie.text.Chunk(f.getValue(), normal));
      document.add(p);
    }
    document.add(new Paragraph(" "));
    document.add(new Paragraph(label("portal.receipt.privateLink", locale), bold));
    document.add(new Paragraph(r.privateLink(), small));
    document.add(new Paragraph(label("portal.receipt.keep", locale), small));
    document.add(new Paragraph(label("portal.receipt.sms", locale, r.smsCommand()), small));
    // the QR code, bottom right, 40 mm wide
    var qr = ReceiptCodes.of(r.privateLink());
    float side = 113f;
    float module = side / (qr.size + 2 * ReceiptCodes.BORDER);
    float left = document.right() - side;
    float bottom = document.bottom();
    PdfContentByte canvas = writer.getDirectContent();
    canvas.setRGBColorFill(0, 0, 0);
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          canvas.rectangle(left + (x + ReceiptCodes.BORDER) * module,
              bottom + side - (y + 1 + ReceiptCodes.BORDER) * module, module, module);
        }
      }
    }
    canvas.fill();
    Paragraph caption = new Paragraph(label("portal.receipt.qr", locale), small);
    caption.setAlignment(Element.ALIGN_RIGHT);
    document.add(caption);
    document.close();
    return out.toByteArray();
  }

  private String label(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  /** What a receipt says. */
  record Receipt(String trackingNumber, String title, String category, String place, String submittedAt,
      String deadline, String privateLink, String smsCommand, boolean copySent) {}
}
