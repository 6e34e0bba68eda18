package org.doudi.supervision.vagrant.internal;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submitted form value the server refuses: thrown from a complete listener (or the start's first step), it rolls
 * the command back (the task stays open, nothing is started) and the REST API answers 400 with the Chinese message.
 */
public class VagrantFormException extends FormFieldValidationException {

  public VagrantFormException(String field, String message) {
    super(field, message);
  }
}
