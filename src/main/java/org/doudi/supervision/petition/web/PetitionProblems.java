package org.doudi.supervision.petition.web;

import org.doudi.household.ApplicationRequestProblems;
import org.springframework.stereotype.Component;

/**
 * The problem answers of {@link PetitionController}'s endpoints, for the application's one advice
 * (platform.internal.ProblemAdvice). They cover that controller only, as when they were its own
 * {@code @ExceptionHandler} methods.
 */
@Component
class PetitionProblems extends ApplicationRequestProblems {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && PetitionController.class.isAssignableFrom(controller);
  }
}
