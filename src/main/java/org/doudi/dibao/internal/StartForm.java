package org.doudi.dibao.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.BankAccount;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.household.HouseholdApplication.UrbanRural;

/**
 * The counter start form ({@code forms/dibao-start.form}): the applicant and up to two more members. Turns the
 * submitted values into a {@link HouseholdApplication}; values of the wrong kind are refused with the field named.
 */
final class StartForm {

  private StartForm() {}

  static final String[] PREFIXES = {"applicant", "member2", "member3"};
  static final String[] MEMBER_FIELDS = {"Name", "IdNumber", "Relation", "Wage", "Business", "OtherIncome", "Pension",
      "DisabilityCategory", "DisabilityGrade", "SeriousIllness", "AbleToWork", "Student"};
  static final List<String> KEYS;

  static {
    List<String> keys = new ArrayList<>(List.of("countyCode", "urbanRural", "address", "contactPhone",
        "depositTotal", "bankName", "bankAccountNumber", "bankHolderName", "authorisationSigned", "pledgeSigned",
        "separateRegistrationNote"));
    for (String p : PREFIXES) {
      for (String f : MEMBER_FIELDS) {
        keys.add(p + f);
      }
    }
    KEYS = List.copyOf(keys);
  }

  static HouseholdApplication read(VariableScope v) {
    List<Member> members = new ArrayList<>();
    for (String p : PREFIXES) {
      String name = text(v, p + "Name");
      String id = text(v, p + "IdNumber");
      if (!p.equals("applicant") && name == null && id == null) {
        continue;
      }
      Relation relation = p.equals("applicant") ? Relation.SELF : enumValue(v, p + "Relation", Relation.class);
      Map<IncomeType, BigDecimal> income = new EnumMap<>(IncomeType.class);
      income.put(IncomeType.WAGE, money(v, p + "Wage"));
      income.put(IncomeType.BUSINESS, money(v, p + "Business"));
      income.put(IncomeType.OTHER, money(v, p + "OtherIncome"));
      income.put(IncomeType.PENSION_BASIC, money(v, p + "Pension"));
      Object grade = v.getVariable(p + "DisabilityGrade");
      Integer disabilityGrade = grade == null || grade.toString().isBlank() ? null : integer(p + "DisabilityGrade", grade);
      members.add(new Member(name, id, relation, null, null, enumValue(v, p + "DisabilityCategory",
          DisabilityCategory.class), disabilityGrade, flag(v, p + "SeriousIllness"), flag(v, p + "AbleToWork"),
          flag(v, p + "Student"), income, BigDecimal.ZERO));
    }
    List<Asset> assets = new ArrayList<>();
    BigDecimal deposit = money(v, "depositTotal");
    if (deposit.signum() != 0) {
      assets.add(new Asset(AssetType.DEPOSIT, "存款、有价证券等金融资产合计（柜台登记）", deposit));
    }
    String bankName = text(v, "bankName");
    String account = text(v, "bankAccountNumber");
    BankAccount bank = bankName == null && account == null ? null
        : new BankAccount(bankName, account, text(v, "bankHolderName"));
    return new HouseholdApplication(text(v, "countyCode"), text(v, "regionCode"),
        enumValue(v, "urbanRural", UrbanRural.class), text(v, "address"), text(v, "contactPhone"), members, assets,
        flag(v, "authorisationSigned"), flag(v, "pledgeSigned"), null, bank, flag(v, "separateRegistration"),
        text(v, "separateRegistrationNote"));
  }

  /** The start-form field behind a violation path such as {@code members[1].idNumber}. */
  static String formField(String path) {
    if (path == null) {
      return "";
    }
    var m = java.util.regex.Pattern.compile("members\\[(\\d+)]\\.(\\w+).*").matcher(path);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(1));
      String f = m.group(2);
      return (i < PREFIXES.length ? PREFIXES[i] : "member" + (i + 1)) + Character.toUpperCase(f.charAt(0))
          + f.substring(1);
    }
    return path;
  }

  private static String text(VariableScope v, String key) {
    Object o = v.getVariable(key);
    if (o == null) {
      return null;
    }
    String s = o.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static boolean flag(VariableScope v, String key) {
    Object o = v.getVariable(key);
    return o instanceof Boolean b ? b : o != null && "true".equalsIgnoreCase(o.toString().strip());
  }

  private static BigDecimal money(VariableScope v, String key) {
    Object o = v.getVariable(key);
    if (o == null || o.toString().isBlank()) {
      return BigDecimal.ZERO;
    }
    try {
      return o instanceof Number n && !(o instanceof Double) && !(o instanceof Float)
          ? new BigDecimal(n.toString()) : new BigDecimal(o.toString().strip());
    } catch (NumberFormatException e) {
      throw new DibaoFormException(key, "字段“" + key + "”的值“" + o + "”不是金额");
    }
  }

  private static Integer integer(String key, Object o) {
    try {
      return new BigDecimal(o.toString().strip()).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new DibaoFormException(key, "字段“" + key + "”的值“" + o + "”不是整数");
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
      throw new DibaoFormException(key, "字段“" + key + "”的值“" + s + "”无效");
    }
  }
}
