package org.doudi.citizen;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The settings {@code doudi.citizen.*} (docs/citizen.md). */
@Component
public class CitizenSettings {

  private final Duration codeValidity;
  private final int codesPerPhonePerHour;
  private final int codesPerIdPerHour;
  private final int maxAttempts;
  private final Duration sessionValidity;
  private final Duration draftValidity;
  private final int consentAge;
  private final int signInPerIpPerHour;
  private final int requestsPerPhonePerHour;
  private final int requestsPerIpPerHour;
  private final String codeSecret;

  public CitizenSettings(
      @Value("${doudi.citizen.code-validity:PT5M}") Duration codeValidity,
      @Value("${doudi.citizen.codes-per-phone-per-hour:5}") int codesPerPhonePerHour,
      @Value("${doudi.citizen.codes-per-id-per-hour:5}") int codesPerIdPerHour,
      @Value("${doudi.citizen.max-attempts:5}") int maxAttempts,
      @Value("${doudi.citizen.session-validity:PT30M}") Duration sessionValidity,
      @Value("${doudi.citizen.draft-validity:P7D}") Duration draftValidity,
      @Value("${doudi.citizen.consent-age:18}") int consentAge,
      @Value("${doudi.citizen.sign-in-per-ip-per-hour:60}") int signInPerIpPerHour,
      @Value("${doudi.citizen.requests-per-phone-per-hour:120}") int requestsPerPhonePerHour,
      @Value("${doudi.citizen.requests-per-ip-per-hour:300}") int requestsPerIpPerHour,
      @Value("${doudi.citizen.code-secret:}") String codeSecret) {
    if (codeValidity.isNegative() || codeValidity.isZero() || codeValidity.toMinutes() > 30) {
      throw new IllegalArgumentException("doudi.citizen.code-validity must be more than 0 and at most 30 minutes");
    }
    if (codesPerPhonePerHour < 1 || codesPerIdPerHour < 1 || maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("doudi.citizen code limits must be at least 1 (max-attempts at most 10)");
    }
    if (consentAge != 16 && consentAge != 18) {
      throw new IllegalArgumentException("doudi.citizen.consent-age must be 16 or 18 (民法典第十七条、第十八条)");
    }
    this.codeValidity = codeValidity;
    this.codesPerPhonePerHour = codesPerPhonePerHour;
    this.codesPerIdPerHour = codesPerIdPerHour;
    this.maxAttempts = maxAttempts;
    this.sessionValidity = sessionValidity;
    this.draftValidity = draftValidity;
    this.consentAge = consentAge;
    this.signInPerIpPerHour = signInPerIpPerHour;
    this.requestsPerPhonePerHour = requestsPerPhonePerHour;
    this.requestsPerIpPerHour = requestsPerIpPerHour;
    this.codeSecret = codeSecret;
  }

  public Duration codeValidity() { return codeValidity; }
  public int codesPerPhonePerHour() { return codesPerPhonePerHour; }
  public int codesPerIdPerHour() { return codesPerIdPerHour; }
  public int maxAttempts() { return maxAttempts; }
  public Duration sessionValidity() { return sessionValidity; }
  public Duration draftValidity() { return draftValidity; }
  /** From this age a member gives the 授权书 on their own phone. */
  public int consentAge() { return consentAge; }
  public int signInPerIpPerHour() { return signInPerIpPerHour; }
  public int requestsPerPhonePerHour() { return requestsPerPhonePerHour; }
  public int requestsPerIpPerHour() { return requestsPerIpPerHour; }
  /** Key of the codes' HMAC; blank = a random key per start (codes die with a restart; set it for several nodes). */
  public String codeSecret() { return codeSecret; }
}
