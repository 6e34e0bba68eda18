package org.doudi.review.internal;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** A form value the server refuses: the completion rolls back, the task stays open, REST answers 400 in Chinese. */
public class ReviewFormException extends FormFieldValidationException {
  public ReviewFormException(String field, String message) {
    super(field, message);
  }
}
