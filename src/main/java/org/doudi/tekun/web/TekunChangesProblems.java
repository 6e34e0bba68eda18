package org.doudi.tekun.web;

import java.util.NoSuchElementException;
import org.doudi.household.ApplicationProblems;
import org.doudi.household.InvalidApplicationException;
import org.doudi.payroll.InvalidAwardException;
import org.doudi.platform.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The problem answers of {@link TekunChangesController}'s endpoints, for the application's one advice
 * (platform.internal.ProblemAdvice). They cover that controller only, as when they were its own
 * {@code @ExceptionHandler} methods.
 */
@Component
class TekunChangesProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && TekunChangesController.class.isAssignableFrom(controller);
  }

  @ExceptionHandler(InvalidApplicationException.class)
  ProblemDetail invalid(InvalidApplicationException e) {
    return ApplicationProblems.of(e);
  }

  @ExceptionHandler(InvalidAwardException.class)
  ProblemDetail award(InvalidAwardException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ApplicationProblems.of(e);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "参数" + e.getName() + "的值“" + e.getValue()
        + "”无效");
  }

  @ExceptionHandler(NoSuchElementException.class)
  ProblemDetail notFound(NoSuchElementException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
