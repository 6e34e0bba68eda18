package org.doudi.casefile;

/** A refused case-file read: {@code status} 400 (bad id), 403 (role without case data) or 404; Chinese message. */
public class CaseFileException extends RuntimeException {

  private final int status;

  public CaseFileException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
