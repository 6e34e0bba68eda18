package org.doudi.payroll;

import java.util.List;

/** An award change the rules refuse (missing fields, no active award, amount unchanged …); nothing was stored. */
public class InvalidAwardException extends RuntimeException {

  private final List<String> problems;

  public InvalidAwardException(List<String> problems) {
    super(String.join("；", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidAwardException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
