package org.doudi.household;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * An 18-character 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male, even = female) and the ISO 7064 MOD 11-2 check character (0–9 or X). A lower-case x is
 * accepted and normalised to X. Old 15-digit numbers are refused.
 */
public final class IdNumber {

  /** Province-level codes of GB/T 2260, plus 81/82/83 (residence permits of HK, Macao and Taiwan residents). */
  static final Set<String> PROVINCES = Set.of(
      "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
      "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
      "71", "81", "82", "83");

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  /** Why a number is not valid; {@link #text} is the Chinese explanation shown to users. */
  public enum Problem {
    MISSING("未填写"),
    LENGTH("应为18位"),
    CHARACTERS("前17位应为数字，最后一位应为数字或X"),
    ADDRESS_CODE("地址码前两位不是有效的省级行政区划代码"),
    BIRTH_DATE("出生日期不是有效日期"),
    BIRTH_DATE_FUTURE("出生日期晚于今天"),
    BIRTH_DATE_TOO_EARLY("出生日期早于1900年"),
    CHECK_DIGIT("校验位错误");

    private final String text;

    Problem(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** A number that is not a valid 居民身份证号码; the message says why (in Chinese). */
  public static final class InvalidIdNumberException extends IllegalArgumentException {
    private final Problem problem;
    private final Character expectedCheckDigit;

    InvalidIdNumberException(Problem problem, Character expectedCheckDigit) {
      super("身份证号码" + reason(problem, expectedCheckDigit));
      this.problem = problem;
      this.expectedCheckDigit = expectedCheckDigit;
    }

    public Problem problem() {
      return problem;
    }

    /** The correct check character when {@link #problem()} is CHECK_DIGIT, else null. */
    public Character expectedCheckDigit() {
      return expectedCheckDigit;
    }

    /** The reason without the subject, e.g. "校验位错误，应为X". */
    public String reason() {
      return reason(problem, expectedCheckDigit);
    }

    private static String reason(Problem p, Character expected) {
      return expected == null ? p.text() : p.text() + "，应为" + expected;
    }
  }

  /** 性别 from the sequence number. */
  public enum Sex {
    MALE("男"), FEMALE("女");

    private final String label;

    Sex(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final String value;
  private final LocalDate birthDate;

  private IdNumber(String value, LocalDate birthDate) {
    this.value = value;
    this.birthDate = birthDate;
  }

  /** Parses and checks a number against today's date (Asia/Shanghai, engine clock). */
  public static IdNumber parse(String text) {
    return parse(text, Today.get());
  }

  /** Parses and checks a number; {@code today} bounds the birth date. */
  public static IdNumber parse(String text, LocalDate today) {
    if (text == null || text.isBlank()) {
      throw new InvalidIdNumberException(Problem.MISSING, null);
    }
    String s = text.strip().toUpperCase(java.util.Locale.ROOT);
    if (s.length() != 18) {
      throw new InvalidIdNumberException(Problem.LENGTH, null);
    }
    for (int i = 0; i < 17; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        throw new InvalidIdNumberException(Problem.CHARACTERS, null);
      }
    }
    char last = s.charAt(17);
    if (!(last >= '0' && last <= '9') && last != 'X') {
      throw new InvalidIdNumberException(Problem.CHARACTERS, null);
    }
    if (!PROVINCES.contains(s.substring(0, 2))) {
      throw new InvalidIdNumberException(Problem.ADDRESS_CODE, null);
    }
    LocalDate birth;
    try {
      birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
          Integer.parseInt(s.substring(12, 14)));
    } catch (DateTimeException e) {
      throw new InvalidIdNumberException(Problem.BIRTH_DATE, null);
    }
    if (birth.isBefore(EARLIEST)) {
      throw new InvalidIdNumberException(Problem.BIRTH_DATE_TOO_EARLY, null);
    }
    if (birth.isAfter(today)) {
      throw new InvalidIdNumberException(Problem.BIRTH_DATE_FUTURE, null);
    }
    char expected = checkDigit(s.substring(0, 17));
    if (last != expected) {
      throw new InvalidIdNumberException(Problem.CHECK_DIGIT, expected);
    }
    return new IdNumber(s, birth);
  }

  /** True when {@link #parse(String)} would accept the number. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidIdNumberException e) {
      return false;
    }
  }

  /** The GB 11643 check character for the first 17 digits. */
  public static char checkDigit(String first17) {
    if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("需要17位数字");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** The normalised number (upper-case X). */
  public String value() {
    return value;
  }

  /** 地址码: the 6-digit code of the county where the number was issued. */
  public String addressCode() {
    return value.substring(0, 6);
  }

  /** The first two digits of the address code. */
  public String provinceCode() {
    return value.substring(0, 2);
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public Sex sex() {
    return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
  }

  /** Age in completed years on a date. */
  public int ageOn(LocalDate date) {
    return Period.between(birthDate, date).getYears();
  }

  /** The number with the middle masked, for display and logs: 220122********001X. */
  public String masked() {
    return value.substring(0, 6) + "********" + value.substring(14);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdNumber other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return masked();
  }
}
