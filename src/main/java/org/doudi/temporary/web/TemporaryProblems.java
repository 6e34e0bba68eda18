package org.doudi.temporary.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.doudi.household.ApplicationProblems;
import org.doudi.platform.ProblemAnswers;
import org.doudi.temporary.internal.TemporaryCases.NotAcceptedNowException;
import org.doudi.temporary.internal.TemporaryFormException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The problem answers of {@link TemporaryController}'s endpoints, for the application's one advice
 * (platform.internal.ProblemAdvice). They cover that controller only, as when they were its own
 * {@code @ExceptionHandler} methods.
 */
@Component
class TemporaryProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && TemporaryController.class.isAssignableFrom(controller);
  }

  @ExceptionHandler(TemporaryFormException.class)
  ProblemDetail invalid(TemporaryFormException e) {
    return problem(e);
  }

  /** A refusal inside the engine (start delegate) arrives wrapped; anything else stays a server error. */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<ProblemDetail> engine(ProcessEngineException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TemporaryFormException refused) {
        return ResponseEntity.badRequest().body(problem(refused));
      }
    }
    throw e;
  }

  private static ProblemDetail problem(TemporaryFormException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setType(URI.create("urn:doudi:problem:invalid-temporary-assistance"));
    p.setTitle("临时救助内容有误");
    p.setProperty("violations", List.of(Map.of("field", e.field() == null ? "" : e.field(),
        "message", e.getMessage())));
    return p;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ApplicationProblems.of(e);
  }

  @ExceptionHandler(NoSuchElementException.class)
  ProblemDetail notFound(NoSuchElementException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(NotAcceptedNowException.class)
  ProblemDetail conflict(NotAcceptedNowException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }
}
