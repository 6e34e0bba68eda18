package org.doudi.care.internal;

import static org.doudi.care.CareVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.care.CareRecords.Agreement;
import org.doudi.care.CareRecords.Placement;
import org.doudi.care.CareRecords.Visit;
import org.doudi.care.persistence.CareRepository;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.household.IdNumber;

/**
 * Server-side validation of every task form of {@code care-placement} and {@code care-agreement} (complete listener)
 * and the written record it makes: a refused value throws {@link CareFormException}, the completion rolls back and
 * the task stays open. A visit is keyed by its task, so it is recorded once.
 */
@ProcessBean("careFormCheck")
public class CareFormCheck implements TaskListener {

  /** Longest agreement term accepted (a local choice, docs/care.md). */
  static final int MAX_TERM_YEARS = 3;

  private final CareRepository repository;

  public CareFormCheck(CareRepository repository) {
    this.repository = repository;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_ConfirmAdmission" -> admission(task);
      case "Task_EnterAgreement" -> enter(task);
      case "Task_RecordVisit" -> visit(task);
      case "Task_FollowUpProblems" -> followUp(task);
      case "Task_RenewAgreement" -> renew(task);
      default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
    }
  }

  private void admission(DelegateTask task) {
    long requestId = Cases.id(task, REQUEST_ID);
    Placement p = repository.currentPlacement(requestId).orElseThrow(() ->
        new CareFormException("admittedOn", "该对象当前没有安置床位，无法登记入住"));
    LocalDate on = date(task, "admittedOn", "入住日期");
    LocalDate placed = p.placedAt().atZoneSameInstant(EngineContext.CHINA).toLocalDate();
    if (on.isAfter(EngineContext.today())) {
      throw new CareFormException("admittedOn", "入住日期不能晚于今天");
    }
    if (on.isBefore(placed)) {
      throw new CareFormException("admittedOn", "入住日期不能早于床位安排日期" + placed);
    }
    String note = optional(task, "admissionNote", "入住情况", 500);
    repository.admit(p.id(), on, actor(task), note);
  }

  private void enter(DelegateTask task) {
    long id = Cases.id(task, AGREEMENT_ID);
    Agreement a = repository.agreement(id).orElseThrow();
    String kind = oneOf(task, "caregiverKind", "照料服务人类型", "PERSON", "ORGANISATION");
    String name = text(task, "caregiverName", "照料服务人（机构）名称", 100);
    String caregiverId = text(task, "caregiverId", "PERSON".equals(kind) ? "照料服务人身份证号码" : "统一社会信用代码", 30)
        .toUpperCase();
    if ("PERSON".equals(kind)) {
      if (!IdNumber.isValid(caregiverId)) {
        throw new CareFormException("caregiverId", "照料服务人身份证号码" + caregiverId + "无效（18位，校验位须正确）");
      }
      if (caregiverId.equals(a.idNumber())) {
        throw new CareFormException("caregiverId", "照料服务人不能是供养对象本人");
      }
    } else if (!caregiverId.matches("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}")) {
      throw new CareFormException("caregiverId", "统一社会信用代码应为18位（数字和大写字母）");
    }
    String phone = text(task, "caregiverPhone", "联系电话", 20);
    if (!phone.matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}")) {
      throw new CareFormException("caregiverPhone", "联系电话应为11位手机号码或带区号的固定电话");
    }
    String duties = text(task, "duties", "照料服务内容和各方责任", 2000);
    if (duties.length() < 10) {
      throw new CareFormException("duties", "请写明照料服务内容和各方权利义务（至少10个字）");
    }
    LocalDate signed = date(task, "signedOn", "签订日期");
    LocalDate starts = date(task, "startsOn", "协议开始日期");
    LocalDate ends = date(task, "endsOn", "协议结束日期");
    LocalDate today = EngineContext.today();
    if (signed.isAfter(today)) {
      throw new CareFormException("signedOn", "签订日期不能晚于今天");
    }
    if (starts.isBefore(signed)) {
      throw new CareFormException("startsOn", "协议开始日期不能早于签订日期");
    }
    checkEnd("endsOn", starts, ends, today);
    if (!repository.enterAgreement(id, kind, name, caregiverId, phone, duties, signed, starts, ends, actor(task))) {
      throw new CareFormException("caregiverName", "该三方协议已录入或已终止");
    }
    task.setVariable(CAREGIVER_TEXT, ("PERSON".equals(kind) ? "照料服务人 " : "照料服务机构 ") + name + "，电话 " + phone);
    task.setVariable(AGREEMENT_ENDS_ON, ends.toString());
  }

  private void visit(DelegateTask task) {
    long id = Cases.id(task, AGREEMENT_ID);
    Agreement a = repository.agreement(id).orElseThrow();
    LocalDate on = date(task, "visitedOn", "探访日期");
    if (on.isAfter(EngineContext.today())) {
      throw new CareFormException("visitedOn", "探访日期不能晚于今天");
    }
    if (a.startsOn() != null && on.isBefore(a.startsOn())) {
      throw new CareFormException("visitedOn", "探访日期不能早于协议开始日期" + a.startsOn());
    }
    if (repository.lastVisit(id).map(on::isBefore).orElse(false)) {
      throw new CareFormException("visitedOn", "探访日期不能早于上次探访日期" + repository.lastVisit(id).get());
    }
    String visitor = text(task, "visitor", "探访人", 50);
    String findings = text(task, "findings", "探访情况", 2000);
    if (findings.length() < 5) {
      throw new CareFormException("findings", "请写明探访情况（至少5个字：生活起居、照料服务、健康状况等）");
    }
    boolean problems = "YES".equals(oneOf(task, "hasProblems", "是否发现问题", "YES", "NO"));
    String problemText = optional(task, "problems", "发现的问题", 2000);
    if (problems && (problemText == null || problemText.length() < 5)) {
      throw new CareFormException("problems", "发现问题的，请写明问题（至少5个字），以便跟进处理");
    }
    if (!problems) {
      problemText = null;
    }
    // keyed by the task (unique): the record and the completion commit together
    repository.insertVisit(id, on, visitor, findings, problemText, task.getId(), actor(task), EngineContext.now());
    task.setVariable(PROBLEMS_FOUND, problems);
    task.setVariable(OPEN_PROBLEMS, openProblems(id));
  }

  private void followUp(DelegateTask task) {
    long id = Cases.id(task, AGREEMENT_ID);
    String text = text(task, "followUp", "跟进处理情况", 2000);
    if (text.length() < 5) {
      throw new CareFormException("followUp", "请写明跟进处理情况（至少5个字：与照料服务人沟通、解决结果等）");
    }
    repository.followUp(id, text, actor(task), EngineContext.now());
    task.setVariable(OPEN_PROBLEMS, "");
  }

  private void renew(DelegateTask task) {
    long id = Cases.id(task, AGREEMENT_ID);
    Agreement a = repository.agreement(id).orElseThrow();
    LocalDate ends = date(task, "newEndsOn", "续签后协议结束日期");
    if (!ends.isAfter(a.endsOn())) {
      throw new CareFormException("newEndsOn", "续签后协议结束日期须晚于原结束日期" + a.endsOn());
    }
    checkEnd("newEndsOn", a.endsOn(), ends, EngineContext.today());
    String name = optional(task, "newCaregiverName", "照料服务人（机构）名称", 100);
    String phone = optional(task, "newCaregiverPhone", "联系电话", 20);
    if (phone != null && !phone.matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}")) {
      throw new CareFormException("newCaregiverPhone", "联系电话应为11位手机号码或带区号的固定电话");
    }
    optional(task, "renewalNote", "续签说明", 500);
    if (!repository.renewAgreement(id, ends, name, phone)) {
      throw new CareFormException("newEndsOn", "该三方协议已终止，不能续签");
    }
    Agreement now = repository.agreement(id).orElseThrow();
    task.setVariable(AGREEMENT_ENDS_ON, ends.toString());
    task.setVariable(CAREGIVER_TEXT, ("PERSON".equals(now.caregiverKind()) ? "照料服务人 " : "照料服务机构 ")
        + now.caregiverName() + "，电话 " + now.caregiverPhone());
  }

  private static void checkEnd(String field, LocalDate from, LocalDate ends, LocalDate today) {
    if (!ends.isAfter(from)) {
      throw new CareFormException(field, "协议结束日期须晚于开始日期");
    }
    if (!ends.isAfter(today)) {
      throw new CareFormException(field, "协议结束日期须晚于今天");
    }
    if (ends.isAfter(from.plusYears(MAX_TERM_YEARS))) {
      throw new CareFormException(field, "协议期限最长" + MAX_TERM_YEARS + "年");
    }
  }

  private String openProblems(long agreementId) {
    StringBuilder s = new StringBuilder();
    for (Visit v : repository.visits(agreementId)) {
      if (v.problems() != null && v.followUp() == null) {
        s.append(s.isEmpty() ? "" : "；").append(v.visitedOn()).append("：").append(v.problems());
      }
    }
    return s.toString();
  }

  private static String actor(DelegateTask task) {
    String user = EngineContext.currentUser();
    return user != null ? user : task.getAssignee() != null ? task.getAssignee() : "system";
  }

  private static String raw(DelegateTask task, String key) {
    Object v = task.getVariable(key);
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  private static String optional(DelegateTask task, String key, String label, int max) {
    String s = raw(task, key);
    if (s != null && s.length() > max) {
      throw new CareFormException(key, "“" + label + "”最多" + max + "个字，现有" + s.length() + "个字");
    }
    return s;
  }

  private static String text(DelegateTask task, String key, String label, int max) {
    String s = optional(task, key, label, max);
    if (s == null) {
      throw new CareFormException(key, "请填写“" + label + "”");
    }
    return s;
  }

  private static LocalDate date(DelegateTask task, String key, String label) {
    String s = text(task, key, label, 30);
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw new CareFormException(key, "“" + label + "”应为日期，如 2026-11-02，收到“" + s + "”");
    }
  }

  private static String oneOf(DelegateTask task, String key, String label, String... allowed) {
    String s = raw(task, key);
    if (s == null) {
      throw new CareFormException(key, "请选择“" + label + "”");
    }
    if (!Set.of(allowed).contains(s)) {
      throw new CareFormException(key, "“" + label + "”的值" + s + "无效，可选：" + String.join("、", allowed));
    }
    return s;
  }
}
