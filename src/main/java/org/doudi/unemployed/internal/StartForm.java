package org.doudi.unemployed.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doudi.unemployed.UnemployedApplication;
import org.doudi.unemployed.UnemployedApplication.Witness;

/**
 * The counter start form ({@code forms/unemployed-start.form}) as an {@link UnemployedApplication}. Values of the
 * wrong kind are refused naming the field; the rules themselves are {@link ApplicationCheck}'s.
 */
final class StartForm {

  private StartForm() {}

  static final List<String> KEYS = List.of("fullName", "idNumber", "identityDocument", "township", "countyCode",
      "urbanRural",
      "applicationPlace", "address", "contactPhone", "hardshipDescription", "employerName", "employerAddress",
      "jobPosition", "witness1Name", "witness1Phone", "witness2Name", "witness2Phone", "witness3Name",
      "witness3Phone", "lastIncomeMonth", "epidemicCause", "unemploymentInsured", "dibaoElsewhere", "householdSize",
      "householdMonthlyIncome", "householdFinancialAssets", "bankName", "bankAccountNumber", "pledgeSigned",
      "authorisationSigned");

  /**
   * Reads the form. The place is chosen by name: 乡镇（街道） {@code township}, then 村（社区） {@code regionCode};
   * the county is the village's ({@code countyOf}), a typed {@code countyCode} only when the region is unknown.
   */
  static UnemployedApplication read(VariableScope v, java.util.function.Function<String, String> countyOf) {
    String township = text(v, "township");
    String region = text(v, "regionCode");
    if (township != null && region != null && !region.startsWith(township)) {
      throw new UnemployedFormException("regionCode", "所选村（社区）不属于所选乡镇（街道），请重新选择");
    }
    String derived = region == null ? null : countyOf.apply(region);
    if (region != null && derived == null) {
      throw new UnemployedFormException("regionCode", "所选村（社区）不是已登记的村（社区），请重新选择");
    }
    String county = derived != null ? derived : text(v, "countyCode");
    List<Witness> witnesses = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      String name = text(v, "witness" + i + "Name");
      String phone = text(v, "witness" + i + "Phone");
      if (name != null || phone != null || i <= 2) {
        witnesses.add(new Witness(name, phone));
      }
    }
    return new UnemployedApplication(text(v, "fullName"), text(v, "idNumber"),
        enumValue(v, "identityDocument", UnemployedApplication.IdentityDocument.class), county,
        region, enumValue(v, "urbanRural", UnemployedApplication.UrbanRural.class),
        enumValue(v, "applicationPlace", UnemployedApplication.ApplicationPlace.class), text(v, "address"),
        text(v, "contactPhone"), text(v, "hardshipDescription"), text(v, "employerName"), text(v, "employerAddress"),
        text(v, "jobPosition"), witnesses, month(v, "lastIncomeMonth"), flag(v, "epidemicCause"),
        flag(v, "unemploymentInsured"), flag(v, "dibaoElsewhere"), integer(v, "householdSize"),
        money(v, "householdMonthlyIncome"), money(v, "householdFinancialAssets"), text(v, "bankName"),
        text(v, "bankAccountNumber"), flag(v, "pledgeSigned"), flag(v, "authorisationSigned"));
  }

  /** The start-form field behind a violation path ({@code witnesses[1].phone} → {@code witness2Phone}). */
  static String formField(String path) {
    var m = java.util.regex.Pattern.compile("witnesses\\[(\\d+)]\\.(name|phone)").matcher(path == null ? "" : path);
    if (m.matches()) {
      return "witness" + (Integer.parseInt(m.group(1)) + 1) + (m.group(2).equals("name") ? "Name" : "Phone");
    }
    return path == null ? "" : path;
  }

  private static String text(VariableScope v, String key) {
    Object o = v.getVariable(key);
    if (o == null) {
      return null;
    }
    String s = o.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static Boolean flag(VariableScope v, String key) {
    Object o = v.getVariable(key);
    if (o == null || o instanceof Boolean) {
      return Boolean.TRUE.equals(o);
    }
    String s = o.toString().strip();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new UnemployedFormException(key, "“" + key + "”只能是“是”或“否”");
  }

  private static BigDecimal money(VariableScope v, String key) {
    String s = text(v, key);
    if (s == null) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new UnemployedFormException(key, "“" + key + "”的值“" + s + "”不是金额");
    }
  }

  private static Integer integer(VariableScope v, String key) {
    String s = text(v, key);
    if (s == null) {
      return null;
    }
    try {
      return new BigDecimal(s).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new UnemployedFormException(key, "“" + key + "”的值“" + s + "”不是整数");
    }
  }

  private static YearMonth month(VariableScope v, String key) {
    String s = text(v, key);
    if (s == null) {
      return null;
    }
    try {
      return YearMonth.parse(s.length() > 7 ? s.substring(0, 7) : s);
    } catch (DateTimeParseException e) {
      throw new UnemployedFormException(key, "最后有收入的月份“" + s + "”格式不对，应为 2026-07");
    }
  }

  private static <E extends Enum<E>> E enumValue(VariableScope v, String key, Class<E> type) {
    String s = text(v, key);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      throw new UnemployedFormException(key, "“" + key + "”的值“" + s + "”无效");
    }
  }
}
