package id.lapor.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The one staff login page, for the Camunda webapps and the application's staff pages alike. */
@Controller
class LoginPage {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
