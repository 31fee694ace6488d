package id.lapor.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo on the embedded default.
 *
 * @param enabled load the demo registry and logins (never under the {@code postgres} profile)
 * @param sampleComplaints also load the sample complaints on the first start
 */
@ConfigurationProperties("lapor.demo")
record DemoProperties(boolean enabled, Boolean sampleComplaints) {

  DemoProperties {
    sampleComplaints = sampleComplaints == null || sampleComplaints;
  }
}
