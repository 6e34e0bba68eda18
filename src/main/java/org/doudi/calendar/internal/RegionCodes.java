package org.doudi.calendar.internal;

import org.doudi.calendar.CalendarDataException;

/**
 * Administrative codes as prefixes: 22 (province) ⊃ 2201 (city) ⊃ 220102 (county) ⊃ 220102001
 * (township) ⊃ 220102001001 (village). Codes come padded (6 digits for province/city/county, 9 for
 * townships, 12 for villages); the padding zeros are dropped so that "applies below" is a prefix test.
 */
public final class RegionCodes {

  private RegionCodes() {}

  /** Validates a 6-, 9- or 12-digit code and returns its prefix form; {@code null} stays {@code null}. */
  public static String normalise(String code) {
    if (code == null) {
      return null;
    }
    String c = code.trim();
    if (!c.matches("\\d{6}|\\d{9}|\\d{12}")) {
      throw new CalendarDataException("行政区划代码 regionCode 应为6位、9位或12位数字，收到“" + code + "”");
    }
    if (c.length() == 12 && c.endsWith("000")) {
      c = c.substring(0, 9);
    }
    if (c.length() == 9 && c.endsWith("000")) {
      c = c.substring(0, 6);
    }
    while (c.length() <= 6 && c.length() > 2 && c.endsWith("00")) {
      c = c.substring(0, c.length() - 2);
    }
    return c;
  }

  /** True if a closure keyed by {@code closureCode} applies to {@code regionCode} (both normalised). */
  public static boolean covers(String closureCode, String regionCode) {
    return regionCode != null && regionCode.startsWith(closureCode);
  }
}
