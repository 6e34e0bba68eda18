package org.doudi.temporary.internal;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submitted value the server refuses. Thrown from a complete listener or a start delegate it rolls the command back
 * (the task stays open, nothing is started); the engine REST API answers 400 with the Chinese message.
 */
public class TemporaryFormException extends FormFieldValidationException {

  private final String field;

  public TemporaryFormException(String field, String message) {
    super(field, message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
