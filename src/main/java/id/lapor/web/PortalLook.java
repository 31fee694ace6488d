package id.lapor.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The portal's name, logo and map settings for every page ({@code ${portal}} in the templates), and the
 * configured logo itself at {@code /portal/logo}.
 */
@ControllerAdvice(annotations = Controller.class)
@EnableConfigurationProperties(PortalProperties.class)
class PortalLook {

  private final PortalProperties portal;

  PortalLook(PortalProperties portal) {
    this.portal = portal;
  }

  @ModelAttribute("portal")
  PortalProperties portal() {
    return portal;
  }

  @Controller
  static class Logo {

    private final PortalProperties portal;

    Logo(PortalProperties portal) {
      this.portal = portal;
    }

    /** The operator's logo (lapor.portal.logo-file); 404 without one. */
    @GetMapping("/portal/logo")
    ResponseEntity<byte[]> logo() throws IOException {
      if (!portal.hasLogo() || !Files.isReadable(portal.logoFile())) {
        return ResponseEntity.notFound().build();
      }
      String name = portal.logoFile().getFileName().toString().toLowerCase(Locale.ROOT);
      MediaType type = name.endsWith(".svg") ? MediaType.valueOf("image/svg+xml")
          : name.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG;
      return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
          .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
          .body(Files.readAllBytes(portal.logoFile()));
    }
  }
}
