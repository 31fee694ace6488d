package id.lapor.notifications;

import id.lapor.notifications.ComplainantNotices;
import id.lapor.notifications.NoticeState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code lapor.notifications.outbox{state}}: notices pending, failed and skipped, for alerts
 * ("failed > 0", "pending growing"); {@code lapor.notifications.attempts{medium,result}} counts
 * delivery attempts (sent, retry, failed, skipped).
 */
@Component
class NotificationMetrics implements MeterBinder {

  private final ComplainantNotices notices;

  NotificationMetrics(ComplainantNotices notices) {
    this.notices = notices;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (NoticeState state : new NoticeState[] {NoticeState.PENDING, NoticeState.FAILED, NoticeState.SKIPPED}) {
      Gauge.builder("lapor.notifications.outbox", notices, n -> n.countByDeliveryState(state))
          .tag("state", state.name())
          .description("Notices to complainants in this state")
          .register(registry);
    }
  }
}
