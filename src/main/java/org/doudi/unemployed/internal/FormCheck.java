package org.doudi.unemployed.internal;

import static org.doudi.unemployed.UnemployedVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.ProcessBean;
import org.doudi.identity.Role;
import org.doudi.payment.InvalidPaymentException;
import org.doudi.payment.OnceOnly;
import org.doudi.payment.Scheme;
import org.doudi.unemployed.UnemployedApplication;
import org.doudi.unemployed.persistence.UnemployedRepository;
import org.doudi.unemployed.UnemployedSettings;

/**
 * Server-side validation of every task form of {@code unemployed-assistance} (complete listener): a refused value
 * throws {@link UnemployedFormException}, the completion rolls back and the task stays open. Who decided and when is
 * recorded here too.
 */
@ProcessBean("unemployedFormCheck")
public class FormCheck implements TaskListener {

  private final IdentityService identity;
  private final EngineAsSystem asSystem;
  private final OnceOnly onceOnly;
  private final UnemployedRepository repository;
  private final UnemployedSettings settings;

  public FormCheck(IdentityService identity, EngineAsSystem asSystem, OnceOnly onceOnly,
      UnemployedRepository repository, UnemployedSettings settings) {
    this.identity = identity;
    this.asSystem = asSystem;
    this.onceOnly = onceOnly;
    this.repository = repository;
    this.settings = settings;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_InvestigateHardship" -> investigation(task);
      case "Task_TownshipReview" -> review(task);
      case "Task_ResolveDuplicate" -> duplicate(task);
      case "Task_SuperviseOverdueInvestigation", "Task_SuperviseOverdueReview" ->
          text(task, "superviseNote", "督办意见", 1000);
      default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
    }
  }

  private static void investigation(DelegateTask task) {
    String finding = oneOf(task, INVESTIGATION_FINDING, "调查结论", "TRUE", "UNTRUE");
    text(task, "investigators", "调查人员", 100);
    LocalDate d = date(task, "investigationDate", "调查日期");
    if (d.isAfter(Clock.today())) {
      throw new UnemployedFormException("investigationDate", "调查日期" + d + "不能晚于今天");
    }
    if (!flag(task, "witnessesContacted")) {
      throw new UnemployedFormException("witnessesContacted", "请先联系申请书所列工作单位证明人核实情况，并勾选“已联系证明人”");
    }
    text(task, "investigationNotes", "调查核实情况", 2000);
    if ("UNTRUE".equals(finding)) {
      String reasons = text(task, UNTRUE_REASONS, "不予救助理由", 2000);
      if (reasons.length() < 5) {
        throw new UnemployedFormException(UNTRUE_REASONS, "情况不属实的，须书面写明不予救助理由（至少5个字），理由将告知申请人");
      }
    }
  }

  private static void review(DelegateTask task) {
    String decision = oneOf(task, REVIEW_DECISION, "复核结论", "APPROVE", "REJECT");
    if ("REJECT".equals(decision)) {
      String reasons = text(task, REVIEW_REASONS, "不予救助理由", 2000);
      if (reasons.length() < 5) {
        throw new UnemployedFormException(REVIEW_REASONS, "不予救助须写明理由（至少5个字），理由将书面告知申请人");
      }
    } else {
      Object amount = task.getVariable(AMOUNT);
      BigDecimal a;
      try {
        a = new BigDecimal(String.valueOf(amount).strip());
      } catch (NumberFormatException e) {
        throw new UnemployedFormException(AMOUNT, "救助金额“" + amount + "”不是金额");
      }
      if (a.signum() <= 0 || a.compareTo(UnemployedSettings.MAX_AMOUNT) > 0) {
        throw new UnemployedFormException(AMOUNT, "一次性临时救助金须大于0且不超过1000元，收到" + a + "元");
      }
    }
    task.setVariable(DECIDED_BY, actor(task));
    task.setVariable(DECIDED_ON, Clock.today().toString());
  }

  /**
   * REFUSE by anyone with the task; CORRECT only by a supervisor other than the township's decider, with a reason,
   * and only when the earlier payment never reached the person (asked of the payment module; checked again, under
   * locks, when the payment step corrects the record).
   */
  private void duplicate(DelegateTask task) {
    String decision = oneOf(task, DUPLICATE_DECISION, "处理决定", "REFUSE", "CORRECT");
    String reason = text(task, DUPLICATE_NOTE, "CORRECT".equals(decision) ? "更正理由" : "处理说明", 450);
    if ("CORRECT".equals(decision)) {
      String user = actor(task);
      boolean supervisor = user != null && asSystem.call(() -> identity.createGroupQuery().groupMember(user)
          .groupType(Role.SUPERVISOR.groupType()).count()) > 0;
      if (!supervisor) {
        throw new UnemployedFormException(DUPLICATE_DECISION, "只有督查员可以更正查重记录；经办人请选择“不予发放”或转交督查员");
      }
      if (user.equals(task.getVariable(DECIDED_BY))) {
        throw new UnemployedFormException(DUPLICATE_DECISION, "更正查重记录须由复核确认发放以外的另一人决定");
      }
      if (reason.length() < 10) {
        throw new UnemployedFormException(DUPLICATE_NOTE, "更正查重记录须写明理由（至少10个字，如前次付款被银行退回的情况），理由将记入全省查重记录");
      }
      String pid = task.getProcessInstanceId();
      UnemployedApplication a = repository.find(Cases.applicationId(task.getExecution())).orElseThrow().application();
      try {
        onceOnly.requireCorrectable(a.idNumber(), Scheme.UNEMPLOYED, settings.getPeriodKey(), pid);
      } catch (InvalidPaymentException e) {
        throw new UnemployedFormException(DUPLICATE_DECISION, "不能更正：" + e.getMessage());
      }
      task.setVariable(CORRECTED_BY, user);
    }
  }

  private static String actor(DelegateTask task) {
    String user = Clock.currentUser();
    return user != null ? user : task.getAssignee();
  }

  private static String string(DelegateTask task, String key) {
    Object v = task.getVariable(key);
    return v == null ? null : v.toString().strip();
  }

  private static String text(DelegateTask task, String key, String label, int max) {
    String s = string(task, key);
    if (s == null || s.isEmpty()) {
      throw new UnemployedFormException(key, "请填写“" + label + "”");
    }
    if (s.length() > max) {
      throw new UnemployedFormException(key, "“" + label + "”最多" + max + "个字，现有" + s.length() + "个字");
    }
    return s;
  }

  private static String oneOf(DelegateTask task, String key, String label, String... allowed) {
    String s = string(task, key);
    if (s == null || s.isEmpty()) {
      throw new UnemployedFormException(key, "请选择“" + label + "”");
    }
    if (!Set.of(allowed).contains(s)) {
      throw new UnemployedFormException(key, "“" + label + "”的值" + s + "无效，可选：" + String.join("、", allowed));
    }
    return s;
  }

  private static boolean flag(DelegateTask task, String key) {
    Object v = task.getVariable(key);
    if (v == null || v instanceof Boolean) {
      return Boolean.TRUE.equals(v);
    }
    String s = v.toString().strip();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new UnemployedFormException(key, "“" + key + "”只能是“是”或“否”");
  }

  private static LocalDate date(DelegateTask task, String key, String label) {
    String s = text(task, key, label, 30);
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw new UnemployedFormException(key, "“" + label + "”" + s + "不是有效日期（格式 2026-03-02）");
    }
  }
}
