package org.doudi.checkplatform;

/** Technical failure of the check platform: retry later (the engine's job retries). */
public class CheckPlatformUnavailableException extends RuntimeException {
  public CheckPlatformUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
