package id.lapor.intake;

import id.lapor.web.FieldProblem;

/**
 * Names the kind of a validation problem, so the portal can say it in the visitor's language
 * ({@code portal.problem.<code>} in messages*.properties) while the rules stay those of the API.
 */
final class PortalProblems {

  private PortalProblems() {}

  static String code(FieldProblem p) {
    String m = p.message();
    if (p.field().equals("token") || p.field().equals("state")) {
      return p.field();
    }
    if (m.startsWith("is required unless privacy")) {
      return "contactRequired";
    }
    if (m.startsWith("is required")) {
      return "required";
    }
    if (m.startsWith("must be at most")) {
      return "tooLong";
    }
    if (m.startsWith("must be one of")) {
      return "choose";
    }
    if (m.startsWith("is not a registered")) {
      return "region";
    }
    if (m.startsWith("must not be in the future")) {
      return "future";
    }
    if (m.startsWith("must be a date")) {
      return "date";
    }
    if (m.startsWith("latitude and longitude")) {
      return "pair";
    }
    if (m.startsWith("must be between") || m.startsWith("must be a number")) {
      return "number";
    }
    if (m.startsWith("is not an email")) {
      return "email";
    }
    if (m.startsWith("is not a phone")) {
      return "phone";
    }
    if (m.startsWith("needs an email")) {
      return "contact";
    }
    if (m.startsWith("is not a JPEG") || m.startsWith("is a damaged")) {
      return "fileType";
    }
    if (m.startsWith("is larger than")) {
      return "fileSize";
    }
    if (m.startsWith("at most") || m.startsWith("a complaint carries at most")) {
      return "fileCount";
    }
    if (m.startsWith("is not an institution of") || m.startsWith("is not a registered institution")) {
      return "target";
    }
    return "invalid";
  }
}
