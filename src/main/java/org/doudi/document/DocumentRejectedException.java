package org.doudi.document;

/** A file that is not stored: wrong kind by content, empty, too large, or no such case (400/413, Chinese). */
public class DocumentRejectedException extends RuntimeException {

  private final boolean tooLarge;

  public DocumentRejectedException(String message, boolean tooLarge) {
    super(message);
    this.tooLarge = tooLarge;
  }

  public boolean tooLarge() {
    return tooLarge;
  }
}
