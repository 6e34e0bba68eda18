package org.doudi.eligibility;

import java.util.List;

/** A new standard that cannot be recorded: every problem at once, each naming its field (the API answers 400). */
public class InvalidStandardException extends RuntimeException {

  public record Violation(String field, String message) {}

  private final List<Violation> violations;

  public InvalidStandardException(List<Violation> violations) {
    super(String.join("；", violations.stream().map(Violation::message).toList()));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
