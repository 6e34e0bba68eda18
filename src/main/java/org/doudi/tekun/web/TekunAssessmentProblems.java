package org.doudi.tekun.web;

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

/**
 * The Chinese problem answers of the 特困 assessment and standards endpoints, in the shapes of their 低保
 * counterparts: 400 with {@code violations} (field + message), 409 for a standard that would rewrite history, 422
 * when no 低保 standard is recorded for the date.
 */
@Component
class TekunAssessmentProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && (TekunAssessmentController.class.isAssignableFrom(controller) || TekunStandardsController.class.isAssignableFrom(controller));
  }

  @ExceptionHandler(InvalidApplicationException.class)
  ProblemDetail invalidInput(InvalidApplicationException e) {
    return ApplicationProblems.of(e);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ApplicationProblems.of(e);
  }

  @ExceptionHandler(InvalidStandardException.class)
  ProblemDetail invalidStandard(InvalidStandardException e) {
    return StandardProblems.of(e);
  }

  @ExceptionHandler(StandardConflictException.class)
  ProblemDetail conflict(StandardConflictException e) {
    return StandardProblems.of(e);
  }

  @ExceptionHandler(StandardNotFoundException.class)
  ProblemDetail noDibaoStandard(StandardNotFoundException e) {
    return StandardProblems.of(e);
  }
}
