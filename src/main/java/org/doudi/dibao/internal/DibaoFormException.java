package org.doudi.dibao.internal;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submitted form value that the server refuses (Tasklist validates only in the browser). Thrown from the complete
 * listener or the start delegate, it rolls the command back, so the task stays open (or nothing is started); the
 * engine REST API answers 400 with the Chinese message, which Tasklist shows.
 */
public class DibaoFormException extends FormFieldValidationException {

  private final String field;

  public DibaoFormException(String field, String message) {
    super(field, message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
