package org.doudi.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code doudi.audit.*} (application.yaml):
 * <ul>
 *   <li>{@code id-key}: the secret of the keyed hash (HMAC-SHA-256) under which ID numbers are stored for search by
 *   person. Changing it makes older entries unfindable by ID number (they stay findable by case);</li>
 *   <li>{@code seal-interval} (5 s): how often the sealer chains new entries;</li>
 *   <li>{@code seal-lookback} (10000): how far below the newest sealed entry id the sealer looks for entries of
 *   transactions that committed late (a longer one is reported UNSEALED by the verification);</li>
 *   <li>{@code login-window} (30 min): a user's HTTP Basic calls within it count as one login.</li>
 * </ul>
 */
@Component
public class AuditSettings {

  private final byte[] idKey;
  private final Duration sealInterval;
  private final long sealLookback;
  private final Duration loginWindow;

  public AuditSettings(@Value("${doudi.audit.id-key:doudi-audit-demo-key-change-me}") String idKey,
      @Value("${doudi.audit.seal-interval:5s}") Duration sealInterval,
      @Value("${doudi.audit.seal-lookback:10000}") long sealLookback,
      @Value("${doudi.audit.login-window:30m}") Duration loginWindow) {
    if (idKey == null || idKey.length() < 16) {
      throw new IllegalArgumentException("doudi.audit.id-key must have at least 16 characters");
    }
    this.idKey = idKey.getBytes(StandardCharsets.UTF_8);
    this.sealInterval = sealInterval;
    this.sealLookback = sealLookback;
    this.loginWindow = loginWindow;
  }

  public byte[] idKey() {
    return idKey.clone();
  }

  public Duration sealInterval() {
    return sealInterval;
  }

  public long sealLookback() {
    return sealLookback;
  }

  public Duration loginWindow() {
    return loginWindow;
  }
}
