package org.doudi.casefile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The persons of a case without a household record, from the variables the schemes set: {@code <prefix>Name} with
 * {@code <prefix>IdNumber} (or {@code idNumber} for the case's main person), then any other ID number variable.
 */
final class Persons {

  private Persons() {}

  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("\\d{17}[\\dXx]");

  /** prefix → role shown (in the order shown). */
  private static final Map<String, String> ROLES = linked(
      "applicant", "申请人", "child", "儿童", "person", "当事人", "subject", "当事人", "recipient", "救助对象",
      "registered", "登记人员", "identified", "查明身份人员", "petitioner", "信访人", "guardian", "监护人",
      "caregiver", "照料人", "payee", "收款人", "objector", "异议人");

  /** Main persons may carry their ID number in the plain {@code idNumber} variable. */
  private static final Set<String> MAIN = Set.of("applicant", "child", "person", "subject", "recipient");

  /** A variable holding a person's name ({@code applicantName}, {@code guardianName} …). */
  static boolean isPersonName(String variable) {
    return variable.endsWith("Name") && ROLES.containsKey(variable.substring(0, variable.length() - 4));
  }

  static List<CaseOverview.Person> fromVariables(Map<String, Object> vars) {
    List<CaseOverview.Person> out = new ArrayList<>();
    Set<String> usedIds = new LinkedHashSet<>();
    boolean plainIdUsed = false;
    for (var e : ROLES.entrySet()) {
      String name = string(vars.get(e.getKey() + "Name"));
      String id = string(vars.get(e.getKey() + "IdNumber"));
      if (id == null && !plainIdUsed && MAIN.contains(e.getKey()) && name != null) {
        id = idLike(vars.get("idNumber"));
        plainIdUsed = id != null;
      }
      if (name != null || id != null) {
        out.add(new CaseOverview.Person(e.getValue(), name, id, null));
        if (id != null) {
          usedIds.add(id);
        }
      }
    }
    for (var e : vars.entrySet()) {
      String id = idLike(e.getValue());
      if (id != null && (e.getKey().equals("idNumber") || e.getKey().endsWith("IdNumber")) && usedIds.add(id)) {
        out.add(new CaseOverview.Person("相关人员", null, id, null));
      }
    }
    return out;
  }

  private static String idLike(Object o) {
    String s = string(o);
    return s != null && ID.matcher(s).matches() ? s : null;
  }

  private static String string(Object o) {
    return o instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  private static Map<String, String> linked(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
