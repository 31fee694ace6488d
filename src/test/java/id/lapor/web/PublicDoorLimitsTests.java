package id.lapor.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicDoorLimitsTests {

  boolean ready = true;
  final PublicDoorLimits limits = new PublicDoorLimits(new PublicDoorLimits.Limits(2, 1000), () -> ready);

  @Test
  void refusesTheThirdSubmissionFromOneAddressWithRetryAfterButNotOtherAddresses() throws Exception {
    assertThat(post("10.0.0.1", 100).getStatus()).isEqualTo(200);
    assertThat(post("10.0.0.1", 100).getStatus()).isEqualTo(200);
    MockHttpServletResponse third = post("10.0.0.1", 100);
    assertThat(third.getStatus()).isEqualTo(429);
    assertThat(Long.parseLong(third.getHeader("Retry-After"))).isBetween(1L, 3600L);
    assertThat(third.getContentType()).startsWith("application/problem+json");
    assertThat(third.getContentAsString()).contains("urn:lapor:problem:too-many-requests");
    assertThat(post("10.0.0.2", 100).getStatus()).as("another citizen").isEqualTo(200);
  }

  @Test
  void refusesOversizedBodiesAndLeavesStaffDoorsAlone() throws Exception {
    MockHttpServletResponse big = post("10.0.0.3", 5000);
    assertThat(big.getStatus()).isEqualTo(413);
    assertThat(big.getContentAsString()).contains("at most 1000 bytes");

    MockHttpServletRequest staff = new MockHttpServletRequest("POST", "/api/staff/institutions");
    staff.setRemoteAddr("10.0.0.3");
    staff.setContent(new byte[5000]);
    for (int i = 0; i < 5; i++) {
      MockHttpServletResponse response = new MockHttpServletResponse();
      limits.doFilter(staff, response, new MockFilterChain());
      assertThat(response.getStatus()).isEqualTo(200);
    }
  }

  @Test
  void countsEveryAliasOfAPublicDoorAsThatDoor() throws Exception {
    assertThat(post("10.0.0.4", 10, "/api/%63omplaints").getStatus()).isEqualTo(200);
    assertThat(post("10.0.0.4", 10, "/api/complaints;jsessionid=x").getStatus()).isEqualTo(200);
    assertThat(post("10.0.0.4", 10, "/api/%63omplaints").getStatus()).as("third POST, whatever its spelling")
        .isEqualTo(429);
    assertThat(post("10.0.0.5", 5000, "/api/%63omplaints").getStatus()).isEqualTo(413);
  }

  @Test
  void boundsBodiesOfAnyTransferEncodingWhileReadingThem() throws Exception {
    byte[] big = new byte[5000];
    var counted = new java.util.concurrent.atomic.AtomicInteger();
    MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/complaints") {
      @Override
      public long getContentLengthLong() {
        return -1;
      }

      @Override
      public int getContentLength() {
        return -1;
      }

      @Override
      public jakarta.servlet.ServletInputStream getInputStream() {
        var in = new java.io.ByteArrayInputStream(big);
        return new org.springframework.mock.web.DelegatingServletInputStream(new java.io.InputStream() {
          @Override
          public int read() {
            int b = in.read();
            if (b >= 0) {
              counted.incrementAndGet();
            }
            return b;
          }
        });
      }
    };
    chunked.setRemoteAddr("10.0.0.6");
    chunked.setContentType("application/json");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    limits.doFilter(chunked, response, chain);
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(chain.getRequest()).as("the application never saw it").isNull();
    assertThat(counted.get()).as("read no further than the limit").isEqualTo(1001);

    MockHttpServletRequest webhook = new MockHttpServletRequest("POST", "/channels/gateway/inbound");
    webhook.setContentType("application/json");
    webhook.setContent(new byte[100]);
    MockHttpServletResponse unsigned = new MockHttpServletResponse();
    limits.doFilter(webhook, unsigned, new MockFilterChain());
    assertThat(unsigned.getStatus()).as("no signature, nothing read").isEqualTo(401);
  }

  @Test
  void answersServiceUnavailableWithRetryAfterWhileStarting() throws Exception {
    ready = false;
    MockHttpServletResponse starting = post("10.0.0.7", 10);
    assertThat(starting.getStatus()).isEqualTo(503);
    assertThat(starting.getHeader("Retry-After")).isEqualTo("5");
    assertThat(starting.getContentType()).startsWith("application/problem+json");
    ready = true;
    assertThat(post("10.0.0.7", 10).getStatus()).isEqualTo(200);
  }

  private MockHttpServletResponse post(String address, int bytes) throws Exception {
    return post(address, bytes, "/api/complaints");
  }

  private MockHttpServletResponse post(String address, int bytes, String uri) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setRemoteAddr(address);
    request.setContentType("application/json");
    request.setContent(new byte[bytes]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limits.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
