package org.doudi.child.internal;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submitted form value the server refuses: thrown from a complete listener, it rolls the command back (the task
 * stays open) and the REST API answers 400 with the Chinese message.
 */
public class ChildFormException extends FormFieldValidationException {

  public ChildFormException(String field, String message) {
    super(field, message);
  }
}
