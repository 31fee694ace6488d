package id.lapor.attachments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AttachmentConfiguration.class);

  @Bean
  AttachmentStore attachmentStore(AttachmentProperties properties, JdbcTemplate jdbc) {
    return switch (properties.store()) {
      case "filesystem" -> {
        var store = new FileSystemAttachmentStore(properties.dir());
        log.info("Attachments are stored under {}", store.root());
        yield store;
      }
      case "database" -> new DatabaseAttachmentStore(jdbc);
      default -> throw new IllegalStateException("lapor.attachments.store must be filesystem or database, not "
          + properties.store());
    };
  }
}
