package org.doudi.checkplatform.internal;

import java.time.Clock;
import java.time.Duration;
import org.doudi.checkplatform.CheckPlatform;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code doudi.check-platform.mode}: {@code http} (default; needs {@code doudi.check-platform.url}) or
 * {@code simulator} (demo and test profiles).
 */
@Configuration
class CheckPlatformConfiguration {

  @Bean
  CheckPlatform checkPlatform(@Value("${doudi.check-platform.mode:http}") String mode,
      @Value("${doudi.check-platform.url:}") String url,
      @Value("${doudi.check-platform.connect-timeout:5s}") Duration connectTimeout,
      @Value("${doudi.check-platform.read-timeout:30s}") Duration readTimeout) {
    return switch (mode) {
      case "simulator" -> new SimulatedCheckPlatform(engineClock()); // the engine's clock, as tests move it
      case "http" -> {
        if (url == null || url.isBlank()) {
          throw new IllegalStateException("doudi.check-platform.url (DOUDI_CHECK_PLATFORM_URL) must be set when "
              + "doudi.check-platform.mode=http; use doudi.check-platform.mode=simulator for a demo");
        }
        yield new HttpCheckPlatform(url, connectTimeout, readTimeout, Clock.systemUTC());
      }
      default -> throw new IllegalStateException("doudi.check-platform.mode must be http or simulator, was " + mode);
    };
  }

  /** The engine's clock (ClockUtil), so that the simulator's dates follow a test's or demo's moved clock. */
  static Clock engineClock() {
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return Clock.fixed(instant(), zone);
      }

      @Override
      public java.time.Instant instant() {
        return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
      }
    };
  }
}
