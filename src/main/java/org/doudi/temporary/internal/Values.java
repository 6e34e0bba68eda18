package org.doudi.temporary.internal;

import org.doudi.engine.EngineContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doudi.household.IdNumber;

/**
 * Reads and checks submitted values one at a time (start forms, task forms); every refusal names the field in Chinese
 * and is a {@link TemporaryFormException}. Also the engine clock in China time and the acting user.
 */
final class Values {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

  private final VariableScope scope;

  Values(VariableScope scope) {
    this.scope = scope;
  }

  String string(String key) {
    Object v = scope.getVariable(key);
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  String text(String key, String label, int max) {
    String s = string(key);
    if (s == null) {
      throw new TemporaryFormException(key, "请填写“" + label + "”");
    }
    if (s.length() > max) {
      throw new TemporaryFormException(key, "“" + label + "”最多" + max + "个字，现有" + s.length() + "个字");
    }
    return s;
  }

  String optionalText(String key, String label, int max) {
    String s = string(key);
    if (s != null && s.length() > max) {
      throw new TemporaryFormException(key, "“" + label + "”最多" + max + "个字，现有" + s.length() + "个字");
    }
    return s;
  }

  /** A checkbox: absent = not ticked; anything but true/false is refused. */
  boolean flag(String key) {
    Object v = scope.getVariable(key);
    if (v == null || v instanceof Boolean) {
      return Boolean.TRUE.equals(v);
    }
    String s = v.toString().strip();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new TemporaryFormException(key, "“" + key + "”只能是“是”或“否”");
  }

  void ticked(String key, String message) {
    if (!flag(key)) {
      throw new TemporaryFormException(key, message);
    }
  }

  String oneOf(String key, String label, String... allowed) {
    String s = string(key);
    if (s == null) {
      throw new TemporaryFormException(key, "请选择“" + label + "”");
    }
    if (!Set.of(allowed).contains(s)) {
      throw new TemporaryFormException(key, "“" + label + "”的值" + s + "无效，可选：" + String.join("、", allowed));
    }
    return s;
  }

  String phone(String key, String label) {
    String s = string(key);
    if (s != null && !s.matches("[0-9+\\- ]{7,20}")) {
      throw new TemporaryFormException(key, "“" + label + "”" + s + "不是有效的电话号码");
    }
    return s;
  }

  String idNumber(String key, String label) {
    String s = text(key, label, 18).toUpperCase();
    if (!IdNumber.isValid(s)) {
      throw new TemporaryFormException(key, "“" + label + "”" + s + "不是有效的公民身份号码（18位，校验位正确）");
    }
    return s;
  }

  /** Yuan, more than 0, at most two decimals; returned with scale 2. */
  BigDecimal money(String key, String label) {
    Object v = scope.getVariable(key);
    if (v == null || v.toString().isBlank()) {
      throw new TemporaryFormException(key, "请填写“" + label + "”");
    }
    BigDecimal d;
    try {
      d = new BigDecimal(v.toString().strip());
    } catch (NumberFormatException e) {
      throw new TemporaryFormException(key, "“" + label + "”" + v + "不是金额");
    }
    if (d.signum() <= 0 || d.compareTo(MAX_AMOUNT) >= 0) {
      throw new TemporaryFormException(key, "“" + label + "”须大于0元且小于1000000元，收到" + v);
    }
    if (d.stripTrailingZeros().scale() > 2) {
      throw new TemporaryFormException(key, "“" + label + "”最多保留两位小数（元、角、分），收到" + v);
    }
    return d.setScale(2, RoundingMode.UNNECESSARY);
  }

  int integer(String key, String label, int min, int max) {
    Object v = scope.getVariable(key);
    if (v == null || v.toString().isBlank()) {
      throw new TemporaryFormException(key, "请填写“" + label + "”");
    }
    int n;
    try {
      n = new BigDecimal(v.toString().strip()).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new TemporaryFormException(key, "“" + label + "”须为整数，收到" + v);
    }
    if (n < min || n > max) {
      throw new TemporaryFormException(key, "“" + label + "”须在" + min + "到" + max + "之间，收到" + n);
    }
    return n;
  }

  LocalDate date(String key, String label) {
    LocalDate d = optionalDate(key, label);
    if (d == null) {
      throw new TemporaryFormException(key, "请填写“" + label + "”");
    }
    return d;
  }

  LocalDate optionalDate(String key, String label) {
    Object v = scope.getVariable(key);
    if (v instanceof Date date) {
      return date.toInstant().atZone(CHINA).toLocalDate();
    }
    String s = string(key);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw new TemporaryFormException(key, "“" + label + "”" + s + "不是有效日期（格式 2026-03-02）");
    }
  }

  static Instant now() {
    return EngineContext.now();
  }

  static LocalDate today() {
    return EngineContext.today();
  }

  /** The user whose command runs this code, or null in a job. */
  static String currentUser() {
    return EngineContext.currentUser();
  }

  static BigDecimal decimal(VariableScope scope, String key) {
    Object v = scope.getVariable(key);
    if (v == null) {
      throw new IllegalStateException("Process variable " + key + " missing");
    }
    return new BigDecimal(v.toString().strip()).setScale(2, RoundingMode.UNNECESSARY);
  }

  static String str(VariableScope scope, String key) {
    Object v = scope.getVariable(key);
    return v == null ? null : v.toString().strip();
  }

  static int number(VariableScope scope, String key) {
    Object v = scope.getVariable(key);
    if (v instanceof Number n) {
      return n.intValue();
    }
    return new BigDecimal(String.valueOf(v).strip()).intValueExact();
  }

  static boolean bool(VariableScope scope, String key) {
    Object v = scope.getVariable(key);
    return v instanceof Boolean b ? b : v != null && "true".equalsIgnoreCase(v.toString().strip());
  }

  static Date toDate(LocalDate d, int hour) {
    return Date.from(d.atTime(hour, 0).atZone(CHINA).toInstant());
  }
}
