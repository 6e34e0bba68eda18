package org.doudi.funds;

/** A request the funds module refuses before changing anything; the message is Chinese and shown to the user. */
public class FundsRequestException extends RuntimeException {

  private final int status;

  public FundsRequestException(String message) {
    this(400, message);
  }

  public FundsRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** 400 bad input, 404 unknown, 409 conflict with what exists, 422 understood but not applicable. */
  public int status() {
    return status;
  }
}
