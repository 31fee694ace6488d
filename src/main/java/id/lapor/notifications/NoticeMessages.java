package id.lapor.notifications;

import id.lapor.notifications.ComplainantNotice;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.TimelineEntry;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a notice in the complainant's language: an email (subject, text and HTML from
 * {@code templates/notifications/notice.*}) or a short SMS/WhatsApp text. The wording comes from
 * {@code messages*.properties} ({@code timeline.*} as on the status page, {@code notice.*}).
 */
@Component
class NoticeMessages {

  /** Follow-up texts and questions in SMS are cut to this length; the link leads to the whole text. */
  static final int SMS_NOTE_MAX = 300;

  private final MessageSource messages;
  private final Institutions institutions;
  private final NotificationProperties properties;
  private final TemplateEngine templates;

  NoticeMessages(MessageSource messages, Institutions institutions, NotificationProperties properties) {
    this.messages = messages;
    this.institutions = institutions;
    this.properties = properties;
    var engine = new SpringTemplateEngine();
    engine.setTemplateEngineMessageSource(messages);
    engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    this.templates = engine;
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/notifications/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of("*" + suffix));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }

  /** What an email says. */
  record Email(String subject, String text, String html) {}

  Email email(ComplainantNotice notice) {
    Map<String, Object> model = model(notice);
    Locale locale = (Locale) model.get("locale");
    var context = new Context(locale, model);
    String subject = messages.getMessage("notice.subject",
        new Object[] {model.get("trackingNumber"), model.get("headline")}, locale);
    context.setVariable("subject", subject);
    return new Email(subject, templates.process("notice.txt", context), templates.process("notice.html", context));
  }

  String shortMessage(ComplainantNotice notice) {
    Map<String, Object> model = model(notice);
    Locale locale = (Locale) model.get("locale");
    String note = (String) model.get("note");
    if (note != null && note.length() > SMS_NOTE_MAX) {
      note = note.substring(0, SMS_NOTE_MAX - 1) + "…";
    }
    String sms = messages.getMessage("notice.sms", new Object[] {model.get("trackingNumber"), model.get("headline"),
        note == null ? "" : "\"" + note + "\" ", model.get("trackUrl")}, locale).strip();
    return model.get("linked") == null ? sms : sms + " " + model.get("linked");
  }

  private Map<String, Object> model(ComplainantNotice notice) {
    TimelineEntry entry = notice.getEntry();
    // the complainant's own complaint, or (for a merged duplicate) the one it was merged into
    Complaint complaint = entry.getComplaint();
    Complaint theirs = notice.getComplaint();
    Locale locale = Locale.forLanguageTag(theirs.getLanguage());
    String institution = entry.getInstitutionCode() == null ? "" : name(entry.getInstitutionCode());
    String reason = entry.getReasonCode() == null ? ""
        : messages.getMessage("reason." + entry.getReasonCode(), null, entry.getReasonCode(), locale);
    Map<String, Object> model = new HashMap<>();
    model.put("locale", locale);
    model.put("lang", locale.getLanguage());
    model.put("trackingNumber", complaint.getTrackingNumber());
    model.put("linked", theirs.getId().equals(complaint.getId()) ? null
        : messages.getMessage("notice.linked", new Object[] {theirs.getTrackingNumber()}, locale));
    model.put("headline", messages.getMessage("timeline." + entry.getType(), new Object[] {institution, reason},
        locale).strip());
    model.put("note", entry.getType().isNotePublic() ? entry.getNote() : null);
    model.put("next", messages.getMessage("notice.next." + entry.getType(), null, "", locale));
    model.put("status", messages.getMessage("status." + complaint.getStatus(), null, locale));
    model.put("trackUrl", UriComponentsBuilder.fromUri(properties.publicUrl()).path("/lacak")
        .queryParam("nomor", complaint.getTrackingNumber()).queryParam("lang", locale.getLanguage())
        .build().toUriString());
    return model;
  }

  private String name(String code) {
    return institutions.findById(code).map(Institution::getName).orElse(code);
  }
}
