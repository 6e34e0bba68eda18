package org.doudi.child.web;

import org.doudi.household.ApplicationRequestProblems;
import org.springframework.stereotype.Component;

/**
 * The problem answers of {@link ChildController}'s endpoints, for the application's one advice
 * (platform.internal.ProblemAdvice). They cover that controller only, as when they were its own
 * {@code @ExceptionHandler} methods.
 */
@Component
class ChildProblems extends ApplicationRequestProblems {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && ChildController.class.isAssignableFrom(controller);
  }
}
