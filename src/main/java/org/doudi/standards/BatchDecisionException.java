package org.doudi.standards;

/** A decision on a batch that is not allowed: 403 (the uploader approving, four eyes) or 409 (already decided). */
public class BatchDecisionException extends RuntimeException {

  private final boolean forbidden;

  public BatchDecisionException(String message, boolean forbidden) {
    super(message);
    this.forbidden = forbidden;
  }

  public boolean forbidden() {
    return forbidden;
  }
}
