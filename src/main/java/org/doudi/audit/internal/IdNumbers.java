package org.doudi.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.doudi.audit.AuditSettings;
import org.springframework.stereotype.Component;

/** Finds resident ID numbers (GB 11643 check digit) in text and turns them into the keyed lookup hash. */
@Component
public class IdNumbers {

  private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])([0-9]{17}[0-9Xx])(?![0-9Xx])");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();

  private final byte[] key;

  public IdNumbers(AuditSettings settings) {
    this.key = settings.idKey();
  }

  public static boolean valid(String id) {
    if (id == null || id.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return Character.toUpperCase(id.charAt(17)) == CHECK[sum % 11];
  }

  /** The first valid ID number in the texts, if any. */
  public static Optional<String> firstIn(String... texts) {
    for (String t : texts) {
      if (t == null || t.length() < 18) {
        continue;
      }
      Matcher m = CANDIDATE.matcher(t);
      while (m.find()) {
        if (valid(m.group(1))) {
          return Optional.of(m.group(1).toUpperCase());
        }
      }
    }
    return Optional.empty();
  }

  public String hash(String idNumber) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(idNumber.toUpperCase().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
