package org.doudi.citizen;

/**
 * Delivers a sign-in code to a phone. The demo profile's sender writes it to the log; production posts it to the SMS
 * gateway named by {@code doudi.citizen.sms.url}. Another bean of this type replaces both.
 */
public interface CodeSender {

  /**
   * Sends {@code text} (which contains the code) to {@code phone}.
   *
   * @throws SendFailedException when the message could not be handed over
   */
  void send(String phone, String code, String text);

  /** The message could not be handed over; the answer is 503 in Chinese, the code stays unusable. */
  class SendFailedException extends RuntimeException {
    public SendFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
