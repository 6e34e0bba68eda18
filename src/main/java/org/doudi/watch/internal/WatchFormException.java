package org.doudi.watch.internal;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submitted value the server refuses: thrown from a complete listener it rolls the completion back (the task stays
 * open, nothing is recorded); the engine REST API answers 400 with the Chinese message.
 */
public class WatchFormException extends FormFieldValidationException {

  public WatchFormException(String field, String message) {
    super(field, message);
  }
}
