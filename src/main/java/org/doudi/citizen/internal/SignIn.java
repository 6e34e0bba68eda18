package org.doudi.citizen.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.doudi.audit.AuditTrail;
import org.doudi.citizen.CitizenSettings;
import org.doudi.citizen.CodeSender;
import org.doudi.citizen.persistence.CitizenRepository;
import org.doudi.household.IdNumber;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes and citizen sessions. A code goes to the phone given, whatever the ID number: nothing here looks the
 * person up, so no answer (nor its timing) depends on whether the system knows the ID number. Codes are stored as an
 * HMAC (a 6-digit code's plain hash could be reversed by trying a million values), sessions as the SHA-256 of a
 * random 256-bit token.
 */
@Service
public class SignIn {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CitizenRepository repository;
  private final CitizenSettings settings;
  private final CodeSender sender;
  private final AuditTrail audit;
  private final RateLimits limits;
  private final Clock clock = Clock.systemUTC();
  private final byte[] codeKey;

  public SignIn(CitizenRepository repository, CitizenSettings settings, CodeSender sender, AuditTrail audit,
      RateLimits limits) {
    this.repository = repository;
    this.settings = settings;
    this.sender = sender;
    this.audit = audit;
    this.limits = limits;
    if (settings.codeSecret().isBlank()) {
      codeKey = new byte[32];
      RANDOM.nextBytes(codeKey);
    } else {
      codeKey = settings.codeSecret().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A session: the raw token (for the cookie, never stored) and when it ends. */
  public record Session(String token, Citizen citizen, Instant expiresAt) {}

  /** Checks the ID number and phone (400 in Chinese), normalised. */
  public static Citizen parse(String idNumber, String phone) {
    if (idNumber == null || idNumber.isBlank()) {
      throw new CitizenRefusal(HttpStatus.BAD_REQUEST, "请填写身份证号码");
    }
    IdNumber id;
    try {
      id = IdNumber.parse(idNumber.strip().toUpperCase());
    } catch (IdNumber.InvalidIdNumberException e) {
      throw new CitizenRefusal(HttpStatus.BAD_REQUEST, "身份证号码有误：" + e.reason());
    }
    String p = phone == null ? "" : phone.strip();
    if (!p.matches("1[3-9][0-9]{9}")) {
      throw new CitizenRefusal(HttpStatus.BAD_REQUEST, "请填写11位手机号码");
    }
    return new Citizen(id.value(), p);
  }

  /**
   * Creates and sends a code. Refused with 429 when the phone or the ID number had the set number of codes within
   * the last hour, or the address asked too often.
   */
  @Transactional
  public void requestCode(String idNumber, String phone, String ip) {
    limits.take("sign-in ip " + ip, settings.signInPerIpPerHour(), "请求过于频繁，请稍后再试");
    Citizen c = parse(idNumber, phone);
    Instant now = clock.instant();
    Instant hourAgo = now.minusSeconds(3600);
    if (repository.codesSince("phone", c.phone(), hourAgo) >= settings.codesPerPhonePerHour()
        || repository.codesSince("id_number", c.idNumber(), hourAgo) >= settings.codesPerIdPerHour()) {
      throw new CitizenRefusal(HttpStatus.TOO_MANY_REQUESTS, "验证码发送次数过多，请一小时后再试");
    }
    // a code older than a day counts for no limit: the person's ID number and phone need not stay here
    repository.deleteCodesBefore(now.minusSeconds(86_400));
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    repository.insertCode(c.idNumber(), c.phone(), hmac(c, code), now, now.plus(settings.codeValidity()));
    audit.record(new AuditRecord(AuditKind.LOGIN, "citizen.code-requested", c.actor(), null, null, null,
        "手机 " + maskPhone(c.phone()), null, null, c.idNumber()));
    // sent last: a failed send rolls the code back (answer 503)
    sender.send(c.phone(), code, "【兜底社会救助】您的登录验证码是" + code + "，" + settings.codeValidity().toMinutes()
        + "分钟内有效。请勿告诉他人。");
  }

  /**
   * Checks a code; a wrong one counts an attempt (the newest code dies after the set number), an expired or used one
   * is refused. On success the code is used up and a session begins.
   */
  @Transactional(noRollbackFor = CitizenRefusal.class)
  public Session verify(String idNumber, String phone, String code, String ip) {
    limits.take("sign-in ip " + ip, settings.signInPerIpPerHour(), "请求过于频繁，请稍后再试");
    Citizen c = parse(idNumber, phone);
    if (code == null || !code.strip().matches("[0-9]{6}")) {
      throw new CitizenRefusal(HttpStatus.BAD_REQUEST, "请填写6位数字验证码");
    }
    Instant now = clock.instant();
    Optional<CitizenRepository.CodeRow> row = repository.latestCode(c.idNumber(), c.phone());
    if (row.isEmpty() || row.get().usedAt() != null) {
      throw refusedCode(c, "验证码错误或已失效，请重新获取");
    }
    CitizenRepository.CodeRow r = row.get();
    if (r.attempts() >= settings.maxAttempts()) {
      throw refusedCode(c, "验证码输入错误次数过多，请重新获取");
    }
    if (!r.expiresAt().isAfter(now)) {
      throw refusedCode(c, "验证码已过期，请重新获取");
    }
    if (!MessageDigest.isEqual(r.codeHash().getBytes(StandardCharsets.US_ASCII),
        hmac(c, code.strip()).getBytes(StandardCharsets.US_ASCII))) {
      repository.countAttempt(r.id());
      throw refusedCode(c, "验证码错误，还可以再试" + Math.max(0, settings.maxAttempts() - r.attempts() - 1) + "次");
    }
    if (!repository.useCode(r.id(), now)) {
      throw refusedCode(c, "验证码错误或已失效，请重新获取");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant expires = now.plus(settings.sessionValidity());
    repository.deleteExpired(now);
    repository.insertSession(sha256(token), c.idNumber(), c.phone(), now, expires);
    audit.record(new AuditRecord(AuditKind.LOGIN, "citizen.signed-in", c.actor(), null, null, null,
        "手机 " + maskPhone(c.phone()), null, null, c.idNumber()));
    return new Session(token, c, expires);
  }

  /** The citizen of a live session token, if any. */
  public Optional<Citizen> citizenOf(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return repository.session(sha256(token)).filter(s -> s.expiresAt().isAfter(now))
        .map(s -> new Citizen(s.idNumber(), s.phone()));
  }

  @Transactional
  public void signOut(String token) {
    if (token != null) {
      repository.deleteSession(sha256(token));
    }
  }

  private CitizenRefusal refusedCode(Citizen c, String message) {
    audit.record(new AuditRecord(AuditKind.LOGIN_FAILED, "citizen.code-refused", c.actor(), null, null, null,
        "手机 " + maskPhone(c.phone()), null, message, c.idNumber()));
    return new CitizenRefusal(HttpStatus.BAD_REQUEST, message);
  }

  static String maskPhone(String phone) {
    return phone.substring(0, 3) + "****" + phone.substring(7);
  }

  private String hmac(Citizen c, String code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(codeKey, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((c.idNumber() + "|" + c.phone() + "|" + code)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
