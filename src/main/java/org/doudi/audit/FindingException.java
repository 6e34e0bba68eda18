package org.doudi.audit;

/** A refused finding or decision, with the HTTP status and the Chinese message for the caller. Nothing changed. */
public class FindingException extends RuntimeException {

  private final int status;

  public FindingException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
