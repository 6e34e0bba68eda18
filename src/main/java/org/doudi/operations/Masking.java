package org.doudi.operations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal identifiers in text that leaves the system's boundary (logs): resident ID numbers keep
 * the 6-digit address code and the last 4 characters, bank account numbers (15–19 digits) the last 4.
 * 12-digit region codes and UUID fragments are left alone.
 */
public final class Masking {

  private Masking() {}

  private static final Pattern ID_NUMBER = Pattern.compile("(?<![\\w-])(\\d{6})(\\d{8})(\\d{3}[0-9Xx])(?![\\w-])");
  private static final Pattern ACCOUNT = Pattern.compile("(?<![\\w-])(\\d{11,15})(\\d{4})(?![\\w-])");

  public static String mask(String text) {
    if (text == null || text.length() < 15) {
      return text;
    }
    String s = replace(ID_NUMBER.matcher(text), m -> m.group(1) + "********" + m.group(3));
    return replace(ACCOUNT.matcher(s), m -> "*".repeat(m.group(1).length()) + m.group(2));
  }

  private static String replace(Matcher m, java.util.function.Function<Matcher, String> f) {
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
