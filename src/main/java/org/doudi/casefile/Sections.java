package org.doudi.casefile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Labels and the sections read from process variables for schemes without evidence tables of their own. */
final class Sections {

  private Sections() {}

  static String schemeLabel(String scheme) {
    if (scheme == null) {
      return null;
    }
    return switch (scheme) {
      case "dibao" -> "最低生活保障";
      case "temporary" -> "临时救助";
      case "tekun" -> "特困人员救助供养";
      case "care" -> "特困人员供养安排";
      case "unemployed" -> "未参保失业人员临时救助";
      case "child" -> "儿童基本生活保障";
      case "disability" -> "残疾人两项补贴";
      case "review" -> "动态管理（复核）";
      case "supervision" -> "督查（信访、督办、流浪乞讨人员救助）";
      case "watch" -> "低收入人口监测预警";
      case "outreach" -> "主动发现";
      case "payroll" -> "待遇发放";
      case "payment" -> "资金支付";
      case "funds" -> "资金监管";
      default -> scheme;
    };
  }

  static String stateLabel(String state) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "ACTIVE" -> "办理中";
      case "SUSPENDED" -> "已挂起";
      case "COMPLETED" -> "已办结";
      case "EXTERNALLY_TERMINATED", "INTERNALLY_TERMINATED" -> "已终止";
      default -> state;
    };
  }

  static String deadlineStatusLabel(String status) {
    return switch (status == null ? "" : status) {
      case "OPEN" -> "计时中";
      case "CLOSED" -> "已结束";
      case "OVERRIDDEN" -> "已人工调整";
      default -> status;
    };
  }

  static String decisionLabel(String decision) {
    return switch (decision == null ? "" : decision) {
      case "APPROVE", "APPROVED", "true" -> "同意";
      case "REJECT", "REJECTED", "false" -> "不同意";
      default -> decision;
    };
  }

  static String requestStatusLabel(String status) {
    return switch (status) {
      case "REQUESTED" -> "待审批";
      case "APPROVED" -> "已同意并生效";
      case "REJECTED" -> "不予变更";
      default -> status;
    };
  }

  static String taskOutcome(boolean ended, String deleteReason) {
    if (!ended) {
      return "待办";
    }
    return deleteReason == null || "completed".equals(deleteReason) ? "已完成" : "已取消";
  }

  /** The assessment variables the schemes set ({@code eligibilityOutcome}, {@code eligibilityReasons} …). */
  static CaseOverview.Assessment assessmentFromVariables(Map<String, Object> vars, CaseFiles.Masker m) {
    String outcome = text(vars.get("eligibilityOutcome"));
    if (outcome == null && vars.get("eligible") != null) {
      outcome = String.valueOf(vars.get("eligible"));
    }
    String reasons = text(vars.get("eligibilityReasons"));
    if (outcome == null && reasons == null) {
      return null;
    }
    List<CaseOverview.Reason> list = new ArrayList<>();
    if (reasons != null) {
      for (String line : reasons.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String l = line.strip();
        int open = l.lastIndexOf('（');
        boolean cited = open > 0 && l.endsWith("）");
        list.add(new CaseOverview.Reason(null, m.text(cited ? l.substring(0, open) : l),
            cited ? l.substring(open + 1, l.length() - 1) : null));
      }
    }
    return new CaseOverview.Assessment(outcome, text(vars.get("eligibilityOutcomeLabel")), null,
        money(vars.get("standard")), money(vars.get("perCapitaIncome")), money(vars.get("monthlyAmount")), list,
        "流程变量");
  }

  static Optional<CaseOverview.Decision> decisionFromVariables(Map<String, Object> vars, CaseFiles.Masker m) {
    String decision = text(vars.get("decision"));
    if (decision == null) {
      return Optional.empty();
    }
    return Optional.of(new CaseOverview.Decision(decision, decisionLabel(decision), text(vars.get("authority")),
        null, null, money(vars.get("monthlyAmount")), null, m.text(text(vars.get("decisionReasons"))), "流程变量"));
  }

  /** Names never shown as facts: they are shown in their own sections, or carry personal data of others. */
  private static final Set<String> HIDDEN = Set.of("regionCode");

  /** Simple-typed variables, masked as the reader requires; accounts always masked. */
  static List<CaseOverview.Fact> facts(Map<String, Object> vars, CaseFiles.Masker m, int limit) {
    List<CaseOverview.Fact> out = new ArrayList<>();
    for (var e : vars.entrySet()) {
      if (out.size() >= limit) {
        break;
      }
      Object v = e.getValue();
      if (HIDDEN.contains(e.getKey()) || !(v instanceof String || v instanceof Number || v instanceof Boolean
          || v instanceof Date)) {
        continue;
      }
      String value = v instanceof Date d ? d.toInstant().toString() : String.valueOf(v);
      String name = e.getKey();
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("account")) {
        value = org.doudi.operations.Masking.account(value);
      } else if (Persons.isPersonName(name)) {
        value = m.name(value);
      } else {
        value = m.text(value);
      }
      if (value != null && value.length() > 300) {
        value = value.substring(0, 299) + "…";
      }
      out.add(new CaseOverview.Fact(name, value));
    }
    return out;
  }

  private static String text(Object o) {
    return o == null ? null : o instanceof String s ? (s.isBlank() ? null : s) : String.valueOf(o);
  }

  private static BigDecimal money(Object o) {
    if (o instanceof BigDecimal b) {
      return b;
    }
    if (o instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (o instanceof String s && s.matches("-?\\d{1,12}(\\.\\d{1,4})?")) {
      return new BigDecimal(s);
    }
    return null;
  }
}
