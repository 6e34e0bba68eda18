package org.doudi.checkplatform;

/**
 * The provincial 核对平台. A technical failure (unreachable, timeout, unexpected answer) is a
 * {@link CheckPlatformUnavailableException}, so a job retries; a request without the household's authorisation is
 * refused with {@link CheckNotAuthorisedException} before anything is sent.
 */
public interface CheckPlatform {
  CheckResult check(CheckRequest request);
}
