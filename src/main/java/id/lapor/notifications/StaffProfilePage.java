package id.lapor.notifications;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member of staff's profile as far as this application is concerned: the address their emails go
 * to (kept in Camunda's account, changed in Admin or Beranda) and whether they want them at all.
 */
@Controller
class StaffProfilePage {

  private final IdentityService identities;
  private final StaffNoticePreferences preferences;

  StaffProfilePage(IdentityService identities, StaffNoticePreferences preferences) {
    this.identities = identities;
    this.preferences = preferences;
  }

  @GetMapping("/staff/profile")
  String show(Authentication caller, Model model) {
    var user = identities.createUserQuery().userId(caller.getName()).singleResult();
    model.addAttribute("userId", caller.getName());
    model.addAttribute("name", user == null ? caller.getName()
        : (String.join(" ", java.util.Objects.toString(user.getFirstName(), ""),
            java.util.Objects.toString(user.getLastName(), ""))).strip());
    model.addAttribute("email", user == null ? null : user.getEmail());
    model.addAttribute("wantsEmail", preferences.wantsEmail(caller.getName()));
    return "staff/profile";
  }

  @PostMapping("/staff/profile")
  String save(Authentication caller, @RequestParam(defaultValue = "false") boolean wantsEmail) {
    preferences.setWantsEmail(caller.getName(), wantsEmail);
    return "redirect:/staff/profile?saved";
  }
}
