package org.doudi.operations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal identifiers in text that leaves the system's boundary (logs, API answers): resident ID numbers
 * keep the 6-digit address code and the last 4 characters, bank account numbers (15–19 digits) the last 4.
 * 12-digit region codes and UUID fragments are left alone. Every API answer that carries a payee's ID number,
 * account or a key built from an ID number masks it with {@link #idNumber}, {@link #account} and {@link #key}.
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

  /** An ID number field: {@code 220102********123X}. */
  public static String idNumber(String idNumber) {
    return mask(idNumber);
  }

  /** An account number field: every character but the last four becomes {@code *}. */
  public static String account(String account) {
    return account == null || account.length() <= 4 ? account
        : "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
  }

  /** A person's name for a reader outside the case's region: the first character, then one {@code *} per character. */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    String n = name.strip();
    int first = n.offsetByCodePoints(0, 1);
    return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
  }

  /** Keys such as {@code P-<idNumber>} or {@code unemployed:<idNumber>:2020} carry an ID number inside. */
  public static String key(String key) {
    return key == null ? null : ID_IN_KEY.matcher(key).replaceAll("$1********$2");
  }

  private static final Pattern ID_IN_KEY = Pattern.compile("(?<!\\d)(\\d{6})\\d{8}(\\d{3}[\\dX])(?![\\dX])");

  private static String replace(Matcher m, java.util.function.Function<Matcher, String> f) {
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
