package org.doudi.supervision;

/** A monitor request refused before anything is read; the message is Chinese and shown to the user. */
public class MonitorRequestException extends RuntimeException {

  private final int status;

  public MonitorRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** 400 bad parameter, 403 a region outside the caller's. */
  public int status() {
    return status;
  }
}
