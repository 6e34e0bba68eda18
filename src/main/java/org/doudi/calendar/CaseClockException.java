package org.doudi.calendar;

/** A clock stop that cannot be done now: already stopped, or not stopped. */
public class CaseClockException extends RuntimeException {

  public CaseClockException(String message) {
    super(message);
  }
}
