package id.lapor.intake;

import id.lapor.notifications.CitizenLinks;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Laporan saya" ({@code /laporan-saya}): a citizen who gave an email address or phone number with their
 * complaints asks for them and receives one message with a private link to each — no account, no
 * password. The page answers the same whether or not the address is known (nobody learns who filed
 * a complaint); requests are limited per client address (the public doors' limit) and per contact.
 */
@Controller
class MyReportsPage {

  private final CitizenLinks links;

  MyReportsPage(CitizenLinks links) {
    this.links = links;
  }

  @GetMapping("/laporan-saya")
  String form() {
    return "portal/mine";
  }

  @PostMapping("/laporan-saya")
  String ask(@RequestParam(required = false) String contact, Model model, Locale locale, RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    if (CitizenLinks.kindOf(contact) == CitizenLinks.Contact.INVALID) {
      response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("invalid", true);
      model.addAttribute("contact", contact);
      return "portal/mine";
    }
    links.requestMyReports(contact, locale);
    redirect.addFlashAttribute("asked", true);
    return "redirect:/laporan-saya";
  }
}
