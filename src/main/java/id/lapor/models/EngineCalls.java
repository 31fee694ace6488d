package id.lapor.models;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Calls into the engine that the application makes on its own behalf, not the user's. */
public final class EngineCalls {

  private EngineCalls() {}

  /**
   * Runs an engine call (e.g. evaluating a decision) without the current user's authorizations when
   * inside an engine command (a task form, a delegate): it is the application's own reading.
   */
  public static <T> T asSystem(Callable<T> call) {
    CommandContext command = Context.getCommandContext();
    try {
      return command != null ? command.runWithoutAuthorization(call) : call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
