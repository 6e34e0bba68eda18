package org.doudi.worklist;

/** A card request refused before anything is read; the message is Chinese and shown to the user. */
public class WorklistRequestException extends RuntimeException {

  private final int status;

  public WorklistRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** 400 bad task id list, 403 a role without case data. */
  public int status() {
    return status;
  }
}
