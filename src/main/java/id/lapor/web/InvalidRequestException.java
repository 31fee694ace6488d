package id.lapor.web;

import java.util.List;

/** A request that names one or more invalid fields; answered with {@code 400} listing them all. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(problems.size() + " invalid field(s)");
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> getProblems() {
    return problems;
  }
}
