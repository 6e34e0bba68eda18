package org.doudi.review.internal;

import static org.doudi.review.ReviewVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardChange;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.InvalidAwardException;
import org.doudi.review.ReviewCase;
import org.doudi.review.persistence.ReviewRepository;

/**
 * Server-side checks of every task form of {@code dibao-review} (complete listener): a refused value throws
 * {@link ReviewFormException}, the completion rolls back and the task stays open. The township's proposal and the
 * county's confirmation are stored with the case here; the confirmer is never the proposer (four eyes), and must be a
 * county approver of the award's county or an administrator. An adjustment is checked against the award's rules and
 * ceiling when proposed and again when confirmed.
 */
@ProcessBean("reviewFormCheck")
public class ReviewFormCheck implements TaskListener {

  static final Set<String> OUTCOMES = Set.of("CONTINUE", "ADJUST", "STOP");
  static final Set<String> EXIT_REASONS = Set.of("INCOME_ABOVE_STANDARD_EMPLOYMENT", "INCOME_ABOVE_STANDARD_OTHER",
      "ASSETS_ABOVE_LIMIT", "DEATH", "FRAUD", "MOVED_AWAY", "REFUSED_COOPERATION", "OTHER");

  private final ReviewRepository repository;
  private final Awards awards;
  private final Staff staff;
  private final EngineAsSystem asSystem;

  public ReviewFormCheck(ReviewRepository repository, Awards awards, Staff staff, EngineAsSystem asSystem) {
    this.repository = repository;
    this.awards = awards;
    this.staff = staff;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_VisitHousehold" -> visit(task);
      case "Task_ReviewOutcome" -> outcome(task);
      case "Task_ConfirmReview" -> confirm(task);
      case "Task_SuperviseOverdue" -> text(task, SUPERVISE_NOTE, "督办意见", 5, 1000);
      default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
    }
  }

  private static void visit(DelegateTask task) {
    String v1 = text(task, VISITOR_1, "调查人员一", 1, 50);
    String v2 = text(task, VISITOR_2, "调查人员二", 1, 50);
    if (v1.equals(v2)) {
      throw new ReviewFormException(VISITOR_2, "入户调查人员不少于2人（《最低生活保障审核确认办法》第十六条），两名调查人员不能相同");
    }
    LocalDate d = date(task, VISIT_DATE, "调查日期");
    if (d.isAfter(EngineContext.today())) {
      throw new ReviewFormException(VISIT_DATE, "调查日期" + d + "不能晚于今天");
    }
    if (!Boolean.TRUE.equals(task.getVariable(VISIT_SIGNED))) {
      throw new ReviewFormException(VISIT_SIGNED, "入户调查表须由调查人员和在场家庭成员签字，请确认后勾选");
    }
    text(task, VISIT_FINDINGS, "入户调查情况", 5, 2000);
  }

  private void outcome(DelegateTask task) {
    String outcome = oneOf(task, REVIEW_OUTCOME, "复核意见", OUTCOMES);
    String reasons = text(task, OUTCOME_REASONS, "复核理由", 5, 2000);
    String user = actingUser(task);
    ReviewCase c = repository.lockCase(((Number) task.getVariable(REVIEW_CASE_ID)).longValue()).orElseThrow();
    String exit = null;
    String income = null;
    String health = null;
    String debts = null;
    Integer dependants = null;
    String note = null;
    switch (outcome) {
      case "ADJUST" -> checkAdjust(c, reasons, user, REVIEW_OUTCOME);
      case "STOP" -> {
        exit = oneOf(task, EXIT_REASON_CODE, "退出原因", EXIT_REASONS);
        income = oneOf(task, RISK_INCOME_STABILITY, "收入稳定性", Set.of("STABLE", "UNSTABLE", "NONE"));
        health = oneOf(task, RISK_HEALTH, "健康状况", Set.of("GOOD", "CHRONIC", "SERIOUS"));
        debts = oneOf(task, RISK_DEBTS, "债务情况", Set.of("NONE", "MODERATE", "HEAVY"));
        dependants = integer(task, RISK_DEPENDANTS, "需赡养（抚养）人数", 0, 20);
        note = text(task, RISK_NOTE, "返贫风险评估说明", 5, 1000);
        // the stop is applied as an exit decision: what Exits would refuse is refused here, before anything is stored
        java.util.List<String> problems = new org.doudi.payroll.ExitAssessment(exit, income, health, debts, dependants,
            note).problems();
        if (!problems.isEmpty()) {
          throw new ReviewFormException(EXIT_REASON_CODE, String.join("；", problems));
        }
      }
      default -> { }
    }
    repository.recordProposal(c.id(), outcome, reasons, user, EngineContext.now(), exit, income, health, debts,
        dependants, note);
    task.setVariable(PROPOSED_OUTCOME, outcome);
    task.setVariable(PROPOSED_OUTCOME_LABEL, switch (outcome) {
      case "CONTINUE" -> "继续保障（金额不变，每月" + task.getVariable(CURRENT_AMOUNT) + "元）";
      case "ADJUST" -> "调整待遇：每月" + c.assessedAmount() + "元（" + c.assessedMembers() + "人，按复核评估结果）";
      default -> "停发（退出原因：" + exit + "）";
    });
    task.setVariable(PROPOSED_BY, user);
  }

  private void confirm(DelegateTask task) {
    String decision = oneOf(task, CONFIRM_DECISION, "确认意见", Set.of("CONFIRM", "RETURN"));
    Object n = task.getVariable(CONFIRM_NOTE);
    String note = n == null ? "" : n.toString().trim();
    if (note.length() > 1000) {
      throw new ReviewFormException(CONFIRM_NOTE, "确认意见说明不能超过1000个字");
    }
    if ("RETURN".equals(decision) && note.length() < 5) {
      throw new ReviewFormException(CONFIRM_NOTE, "退回乡镇（街道）重新提出复核意见的，须写明理由（至少5个字）");
    }
    String user = actingUser(task);
    ReviewCase c = repository.lockCase(((Number) task.getVariable(REVIEW_CASE_ID)).longValue()).orElseThrow();
    if (user.equals(c.proposedBy())) {
      throw new ReviewFormException(CONFIRM_DECISION, "复核意见由" + user + "提出，不能由本人确认：须由县级另一名审批人员确认（双人审核）");
    }
    if (!mayConfirm(user, c.countyCode())) {
      throw new ReviewFormException(CONFIRM_DECISION, "只有" + c.countyCode() + "的县级审批人员或系统管理员可以确认复核结果，"
          + user + "不是");
    }
    if ("CONFIRM".equals(decision)) {
      if ("ADJUST".equals(c.proposedOutcome())) {
        checkAdjust(c, c.proposalReasons(), user, CONFIRM_DECISION);
      }
      repository.recordConfirmation(c.id(), user, EngineContext.now());
    }
    task.setVariable(CONFIRMED, "CONFIRM".equals(decision));
  }

  /** An adjustment needs an eligible stored assessment with another amount that the award's rules allow. */
  private void checkAdjust(ReviewCase c, String reasons, String user, String field) {
    if (c.assessedAmount() == null || c.assessedAmount().signum() <= 0 || c.assessedOutcome() == null
        || "INELIGIBLE".equals(c.assessedOutcome()) || "NOT_ASSESSED".equals(c.assessedOutcome())) {
      throw new ReviewFormException(field, "复核评估结果为" + (c.assessedOutcome() == null ? "未评估" : c.assessedOutcome())
          + "，没有可调整的金额：不符合条件的请选择停发，无法评估的请先补齐家庭信息");
    }
    AwardRow current = awards.latest(c.beneficiaryKey(), Scheme.valueOf(c.scheme())).filter(AwardRow::active)
        .orElseThrow(() -> new ReviewFormException(field, "该户已没有正在享受的低保待遇"));
    if (current.monthlyAmount().compareTo(c.assessedAmount()) == 0) {
      throw new ReviewFormException(field, "复核评估金额与现在相同（每月" + current.monthlyAmount() + "元），请选择继续保障");
    }
    try {
      awards.preview(c.beneficiaryKey(), Scheme.valueOf(c.scheme()), AwardChange.adjust(c.assessedAmount(),
          c.assessedMembers()), "review:" + c.id(), EngineContext.today(), reasons, user);
    } catch (InvalidAwardException e) {
      throw new ReviewFormException(field, "该调整无法执行：" + e.getMessage());
    }
  }

  private boolean mayConfirm(String user, String countyCode) {
    StaffMember m = asSystem.call(() -> staff.find(user)).orElse(null);
    return m != null && (m.administrator() || m.assignments().stream()
        .anyMatch(a -> a.role() == Role.COUNTY_APPROVER && a.regionCode().equals(countyCode)));
  }

  static String actingUser(DelegateTask task) {
    String user = EngineContext.currentUser() != null ? EngineContext.currentUser() : task.getAssignee();
    if (user == null) {
      throw new ReviewFormException("assignee", "请先认领任务，再提交");
    }
    return user;
  }

  static String text(DelegateTask task, String field, String label, int min, int max) {
    Object v = task.getVariable(field);
    String s = v == null ? "" : v.toString().trim();
    if (s.isEmpty()) {
      throw new ReviewFormException(field, "请填写" + label);
    }
    if (s.length() < min) {
      throw new ReviewFormException(field, label + "至少" + min + "个字");
    }
    if (s.length() > max) {
      throw new ReviewFormException(field, label + "不能超过" + max + "个字");
    }
    return s;
  }

  static String oneOf(DelegateTask task, String field, String label, Set<String> allowed) {
    Object v = task.getVariable(field);
    if (v == null || !allowed.contains(v.toString())) {
      throw new ReviewFormException(field, "请选择" + label);
    }
    return v.toString();
  }

  static int integer(DelegateTask task, String field, String label, int min, int max) {
    Object v = task.getVariable(field);
    long n;
    if (v instanceof Number num) {
      if (num.doubleValue() != Math.rint(num.doubleValue())) {
        throw new ReviewFormException(field, label + "应为整数");
      }
      n = num.longValue();
    } else {
      try {
        n = Long.parseLong(v == null ? "" : v.toString().trim());
      } catch (NumberFormatException e) {
        throw new ReviewFormException(field, "请填写" + label + "（整数）");
      }
    }
    if (n < min || n > max) {
      throw new ReviewFormException(field, label + "应在" + min + "到" + max + "之间");
    }
    return (int) n;
  }

  static LocalDate date(DelegateTask task, String field, String label) {
    Object v = task.getVariable(field);
    if (v instanceof java.util.Date d) {
      return d.toInstant().atZone(EngineContext.CHINA).toLocalDate();
    }
    try {
      String s = v == null ? "" : v.toString().trim();
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw new ReviewFormException(field, "请填写" + label + "（yyyy-MM-dd）");
    }
  }
}
