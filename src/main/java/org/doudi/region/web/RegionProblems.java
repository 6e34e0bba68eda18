package org.doudi.region.web;

import org.doudi.platform.ProblemAnswers;
import org.doudi.region.UnknownRegionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The problem answers of {@link RegionController}'s endpoints, for the application's one advice
 * (platform.internal.ProblemAdvice). They cover that controller only, as when they were its own
 * {@code @ExceptionHandler} methods.
 */
@Component
class RegionProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && RegionController.class.isAssignableFrom(controller);
  }

  @ExceptionHandler(UnknownRegionException.class)
  ProblemDetail unknown(UnknownRegionException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
