package id.lapor.casework.steps;

import static id.lapor.casework.ProcessVariables.FIRST_RESPONSE_NOTE;

import java.util.List;
import org.springframework.stereotype.Component;

/** "Koordinasikan tanggapan pertama" (plug-in FirstResponse, Banyuwangi): what the camat did first. */
@Component
class CoordinateFirstResponseStep implements TaskStep {

  @Override
  public String form() {
    return "CoordinateFirstResponse";
  }

  @Override
  public List<String> fields() {
    return List.of(FIRST_RESPONSE_NOTE);
  }

  @Override
  public void check(Decision d) {
    d.requireText(FIRST_RESPONSE_NOTE);
  }
}
