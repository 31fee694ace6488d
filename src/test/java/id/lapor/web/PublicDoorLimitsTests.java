package id.lapor.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicDoorLimitsTests {

  final PublicDoorLimits limits = new PublicDoorLimits(new PublicDoorLimits.Limits(2, 1000));

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

  private MockHttpServletResponse post(String address, int bytes) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/complaints");
    request.setRemoteAddr(address);
    request.setContentType("application/json");
    request.setContent(new byte[bytes]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limits.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
