package org.doudi.dibao.web;

import java.util.NoSuchElementException;
import org.doudi.dibao.DibaoCases.NotAcceptedNowException;
import org.doudi.household.ApplicationProblems;
import org.doudi.household.InvalidApplicationException;
import org.doudi.platform.ProblemAnswers;
import org.doudi.register.AlreadyRegisteredException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The problem answers of {@link DibaoController}'s endpoints, for the application's one advice
 * (platform.internal.ProblemAdvice). They cover that controller only, as when they were its own
 * {@code @ExceptionHandler} methods.
 */
@Component
class DibaoProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && DibaoController.class.isAssignableFrom(controller);
  }

  @ExceptionHandler(InvalidApplicationException.class)
  ProblemDetail invalid(InvalidApplicationException e) {
    return ApplicationProblems.of(e);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ApplicationProblems.of(e);
  }

  @ExceptionHandler(NoSuchElementException.class)
  ProblemDetail notFound(NoSuchElementException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  /** The person is in a 低保 or 特困 household, or an application in progress, elsewhere in the province. */
  @ExceptionHandler(AlreadyRegisteredException.class)
  ProblemDetail alreadyRegistered(AlreadyRegisteredException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    p.setTitle("已在全省救助对象登记中");
    if (e.holding() != null) {
      p.setProperty("countyCode", e.holding().countyCode());
      p.setProperty("regionCode", e.holding().regionCode());
      p.setProperty("caseRef", e.holding().holderKey());
      p.setProperty("holdingStatus", e.holding().status().name()); // "status" is the HTTP status
      p.setProperty("since", e.holding().since().toString());
    }
    return p;
  }

  @ExceptionHandler(NotAcceptedNowException.class)
  ProblemDetail conflict(NotAcceptedNowException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }
}
