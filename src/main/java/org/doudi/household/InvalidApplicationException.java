package org.doudi.household;

import java.util.List;

/** An application that breaks one or more rules; carries every violation found. Answer with {@link ApplicationProblems}. */
public class InvalidApplicationException extends RuntimeException {

  private final List<Violation> violations;

  public InvalidApplicationException(List<Violation> violations) {
    super(summary(violations));
    if (violations == null || violations.isEmpty()) {
      throw new IllegalArgumentException("an invalid application needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public InvalidApplicationException(String field, String message) {
    this(List.of(new Violation(field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String summary(List<Violation> violations) {
    if (violations == null || violations.isEmpty()) {
      return "申请内容有误";
    }
    StringBuilder b = new StringBuilder("申请内容有").append(violations.size()).append("处错误：");
    for (int i = 0; i < violations.size(); i++) {
      b.append(i == 0 ? "" : "；").append(violations.get(i).message());
    }
    return b.toString();
  }
}
