package id.lapor.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationPartsTests {

  @Test
  void errorTextsLoseAddressesAndNumbersBeforeTheyAreLoggedOrKept() {
    assertThat(NoticeDeliveryWorker.withoutContactData(
        "550 5.1.1 <made.wirawan@example.org>: Recipient address rejected"))
        .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected");
    assertThat(NoticeDeliveryWorker.withoutContactData("number +62 812-3456-7890 is not on WhatsApp"))
        .isEqualTo("number <number> is not on WhatsApp");
    assertThat(NoticeDeliveryWorker.withoutContactData("gateway answered 503")).isEqualTo("gateway answered 503");
  }

  @Test
  void retriesWaitTwiceAsLongEachTimeUpToTheLongestWait() {
    var properties = new NotificationProperties(null, null, null, null, null, Duration.ofMinutes(1),
        Duration.ofMinutes(10), null);
    assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofMinutes(10));
    assertThat(properties.backoffAfter(60)).isEqualTo(Duration.ofMinutes(10));
  }
}
