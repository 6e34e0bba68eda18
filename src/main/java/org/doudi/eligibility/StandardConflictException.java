package org.doudi.eligibility;

/** A new standard would rewrite history (its date is not after the latest recorded one); the API answers 409. */
public class StandardConflictException extends RuntimeException {
  public StandardConflictException(String message) {
    super(message);
  }
}
