package org.doudi.dibao.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.Agent;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.BankAccount;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.household.HouseholdApplication.UrbanRural;

/**
 * The counter start form ({@code forms/dibao-start.form}) as a {@link HouseholdApplication}: any number of members
 * (dynamic list {@code members}) and assets ({@code assets}), every income type, rigid expenses, the agent and the
 * bank account. Tasklist sends each list as one JSON variable. Values of the wrong kind are refused naming the field;
 * the rules themselves are {@code ApplicationValidator}'s, the same as for {@code POST /api/applications}.
 * The county is the one the chosen township (and village) lies in; it is never typed.
 */
final class StartForm {

  private StartForm() {}

  static final List<String> KEYS = List.of("township", "regionCode", "urbanRural", "address", "contactPhone",
      "members", "assets", "agentPresent", "agentName", "agentIdNumber", "agentRelation", "agentPhone", "bankName",
      "bankAccountNumber", "bankHolderName", "authorisationSigned", "pledgeSigned", "separateRegistration",
      "separateRegistrationNote");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The form field of one income type inside a member: {@code incomeWage}, {@code incomePensionBasic}, … */
  static String incomeField(IncomeType type) {
    StringBuilder s = new StringBuilder("income");
    for (String part : type.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
      s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return s.toString();
  }

  /**
   * Reads the form. {@code countyOf} gives the county code of a township or village code (null when unknown: the
   * validator then refuses the missing county).
   */
  static HouseholdApplication read(VariableScope v, java.util.function.Function<String, String> countyOf) {
    List<Member> members = new ArrayList<>();
    JsonNode list = list(v, "members");
    for (int i = 0; i < list.size(); i++) {
      JsonNode m = list.get(i);
      String at = "第" + (i + 1) + "位成员的";
      Map<IncomeType, BigDecimal> income = new EnumMap<>(IncomeType.class);
      for (IncomeType t : IncomeType.values()) {
        BigDecimal amount = money(m, incomeField(t), at + t.label());
        if (amount != null) {
          income.put(t, amount);
        }
      }
      members.add(new Member(text(m, "name"), text(m, "idNumber"), enumValue(m, "relation", Relation.class, at),
          null, null, enumValue(m, "disabilityCategory", DisabilityCategory.class, at),
          integer(m, "disabilityGrade", at + "残疾等级"), flag(m, "seriousIllness"), flag(m, "ableToWork"),
          flag(m, "student"), income, money(m, "rigidExpenses", at + "刚性支出")));
    }
    List<Asset> assets = new ArrayList<>();
    JsonNode assetList = list(v, "assets");
    for (int i = 0; i < assetList.size(); i++) {
      JsonNode a = assetList.get(i);
      String at = "第" + (i + 1) + "项财产的";
      assets.add(new Asset(enumValue(a, "assetType", AssetType.class, at), text(a, "assetDescription"),
          money(a, "assetValue", at + "价值")));
    }
    String bankName = text(v, "bankName");
    String account = text(v, "bankAccountNumber");
    String holder = text(v, "bankHolderName");
    BankAccount bank = bankName == null && account == null && holder == null ? null
        : new BankAccount(bankName, account, holder);
    Agent agent = flag(v, "agentPresent")
        ? new Agent(text(v, "agentName"), text(v, "agentIdNumber"), text(v, "agentRelation"), text(v, "agentPhone"))
        : null;
    String township = text(v, "township");
    String village = text(v, "regionCode");
    String region = village != null ? village : township;
    if (village != null && township != null && !village.startsWith(township)) {
      throw new DibaoFormException("regionCode", "所选村（社区）不属于所选乡镇（街道），请重新选择");
    }
    String county = region == null ? null : countyOf.apply(region);
    if (region != null && county == null) {
      throw new DibaoFormException(village != null ? "regionCode" : "township",
          "所选居住地不是已登记的乡镇（街道）或村（社区），请重新选择");
    }
    return new HouseholdApplication(county, region, enumValue(v, "urbanRural", UrbanRural.class), text(v, "address"),
        text(v, "contactPhone"), members, assets, flag(v, "authorisationSigned"), flag(v, "pledgeSigned"), agent, bank,
        flag(v, "separateRegistration"), text(v, "separateRegistrationNote"));
  }

  /** The start-form field behind a violation path: {@code members[1].idNumber} → {@code members}. */
  static String formField(String path) {
    if (path == null) {
      return "";
    }
    if (path.startsWith("members")) {
      return "members";
    }
    if (path.startsWith("assets")) {
      return "assets";
    }
    if (path.startsWith("agent.")) {
      return "agent" + Character.toUpperCase(path.charAt(6)) + path.substring(7);
    }
    return switch (path) {
      case "countyCode" -> "township";
      case "bankAccount.bankName" -> "bankName";
      case "bankAccount.accountNumber" -> "bankAccountNumber";
      case "bankAccount.holderName" -> "bankHolderName";
      default -> path;
    };
  }

  /** A list variable: a JSON array (Tasklist's {@code Json} value or text) or a Java list. */
  private static JsonNode list(VariableScope v, String key) {
    Object o = v.getVariable(key);
    if (o instanceof TypedValue t) {
      o = t.getValue();
    }
    if (o == null || (o instanceof String s && s.isBlank())) {
      return JSON.createArrayNode();
    }
    JsonNode n;
    try {
      n = o instanceof List<?> || o instanceof Map<?, ?> ? JSON.valueToTree(o) : JSON.readTree(o.toString());
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new DibaoFormException(key, "“" + label(key) + "”的内容无法识别，请重新填写");
    }
    if (!n.isArray()) {
      throw new DibaoFormException(key, "“" + label(key) + "”应为逐项填写的列表");
    }
    for (JsonNode item : n) {
      if (!item.isObject()) {
        throw new DibaoFormException(key, "“" + label(key) + "”中有一项内容无法识别，请重新填写");
      }
    }
    return n;
  }

  private static String label(String key) {
    return key.equals("members") ? "家庭成员" : "家庭财产";
  }

  private static String text(VariableScope v, String key) {
    Object o = v.getVariable(key);
    if (o == null) {
      return null;
    }
    String s = o.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static String text(JsonNode n, String key) {
    JsonNode x = n.get(key);
    if (x == null || x.isNull()) {
      return null;
    }
    String s = x.isValueNode() ? x.asText().strip() : x.toString();
    return s.isEmpty() ? null : s;
  }

  private static boolean flag(VariableScope v, String key) {
    Object o = v.getVariable(key);
    return o instanceof Boolean b ? b : o != null && "true".equalsIgnoreCase(o.toString().strip());
  }

  private static boolean flag(JsonNode n, String key) {
    JsonNode x = n.get(key);
    return x != null && (x.isBoolean() ? x.booleanValue() : "true".equalsIgnoreCase(x.asText().strip()));
  }

  private static BigDecimal money(JsonNode n, String key, String what) {
    JsonNode x = n.get(key);
    if (x == null || x.isNull() || (x.isTextual() && x.asText().isBlank())) {
      return null;
    }
    try {
      return x.isNumber() ? x.decimalValue() : new BigDecimal(x.asText().strip());
    } catch (NumberFormatException e) {
      throw new DibaoFormException(key, what + "“" + shorten(x.asText()) + "”不是金额");
    }
  }

  private static Integer integer(JsonNode n, String key, String what) {
    JsonNode x = n.get(key);
    if (x == null || x.isNull() || (x.isTextual() && x.asText().isBlank())) {
      return null;
    }
    try {
      return new BigDecimal(x.asText().strip()).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new DibaoFormException(key, what + "“" + shorten(x.asText()) + "”不是整数");
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
      throw new DibaoFormException(key, "所选的“" + shorten(s) + "”不是可选项，请重新选择");
    }
  }

  private static <E extends Enum<E>> E enumValue(JsonNode n, String key, Class<E> type, String what) {
    String s = text(n, key);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      throw new DibaoFormException(key, what + "选项“" + shorten(s) + "”无效，请重新选择");
    }
  }

  private static String shorten(String s) {
    return s.length() <= 30 ? s : s.substring(0, 30) + "…";
  }
}
