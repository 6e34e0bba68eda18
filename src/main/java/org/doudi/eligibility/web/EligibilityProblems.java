package org.doudi.eligibility.web;

import org.doudi.platform.ProblemAnswers;
import org.springframework.stereotype.Component;
import org.doudi.eligibility.InvalidStandardException;
import org.doudi.eligibility.StandardConflictException;
import org.doudi.eligibility.StandardNotFoundException;
import org.doudi.eligibility.StandardProblems;
import org.doudi.household.ApplicationProblems;
import org.doudi.household.InvalidApplicationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors of the eligibility endpoints as problem details with a {@code violations} list; this package only. */
@Component
class EligibilityProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return ProblemAnswers.inPackageOf(controller, EligibilityProblems.class);
  }

  @ExceptionHandler(InvalidStandardException.class)
  ProblemDetail invalid(InvalidStandardException e) {
    return StandardProblems.of(e);
  }

  @ExceptionHandler(StandardConflictException.class)
  ProblemDetail conflict(StandardConflictException e) {
    return StandardProblems.of(e);
  }

  @ExceptionHandler(StandardNotFoundException.class)
  ProblemDetail noStandard(StandardNotFoundException e) {
    return StandardProblems.of(e);
  }

  @ExceptionHandler(InvalidApplicationException.class)
  ProblemDetail invalidApplication(InvalidApplicationException e) {
    return ApplicationProblems.of(e);
  }

  /** Unreadable JSON or a value of the wrong type: the same shape, naming the field. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ApplicationProblems.of(e);
  }
}
