/**
 * Notifications to complainants: delivers the outbox of {@link id.lapor.notifications.ComplainantNotice}s
 * by email (SMTP, HTML + text, Indonesian or English) and by SMS/WhatsApp through an HTTP gateway,
 * with retries and backoff; operators see failures in a metric and an admin list.
 */
@ApplicationModule(displayName = "Pemberitahuan (notifications)", allowedDependencies = {"complaint", "institutions"})
package id.lapor.notifications;

import org.springframework.modulith.ApplicationModule;
