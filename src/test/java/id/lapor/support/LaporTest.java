package id.lapor.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context the tests share: the whole application on a random port with an
 * in-memory database and the demo registry and logins, job executor off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// metrics exported as in production (Spring Boot's tests switch exporters off): /actuator/prometheus
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
public @interface LaporTest {}
