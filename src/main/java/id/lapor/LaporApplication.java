package id.lapor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * SP4N-LAPOR! complaint case management: one Spring Boot application with an embedded
 * Camunda 7 engine in which every complaint is a process instance.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LaporApplication {

  public static void main(String[] args) {
    SpringApplication.run(LaporApplication.class, args);
  }
}
