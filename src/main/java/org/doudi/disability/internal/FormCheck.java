package org.doudi.disability.internal;

import static org.doudi.disability.DisabilityVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.disability.persistence.DisabilityRepository;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;

/**
 * Server-side validation of every task form of {@code disability-subsidy} (complete listener), the meaning checks
 * beyond the form's own (FormRules), and the written record of who did what: a refused value throws
 * {@link DisabilityFormException}, the completion rolls back and the task stays open. The county decision is taken
 * by another person than the township's reviewer and the registrant (four eyes).
 */
@ProcessBean("disabilityFormCheck")
public class FormCheck implements TaskListener {

  private final DisabilityRepository repository;

  public FormCheck(DisabilityRepository repository) {
    this.repository = repository;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_AssistApplication" -> assist(task);
      case "Task_TownshipReview" -> review(task);
      case "Task_CountyDecision" -> decision(task);
      default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
    }
  }

  private void assist(DelegateTask task) {
    String outcome = oneOf(task, ASSIST_OUTCOME, "办理结果", "APPLY", "DECLINE");
    String note = text(task, "assistNote", "协助情况", 500);
    long id = Cases.applicationId(task.getExecution());
    DisabilityRepository.Stored s = repository.find(id).orElseThrow();
    String bank = optional(task, "bankName");
    String account = optional(task, "accountNumber");
    if ((bank == null) != (account == null)) {
      throw new DisabilityFormException(bank == null ? "bankName" : "accountNumber", "开户银行和银行账号须同时填写，或都不填");
    }
    if (account != null && !account.matches("\\d{8,30}")) {
      throw new DisabilityFormException("accountNumber", "银行账号应为8至30位数字");
    }
    if (bank != null && bank.length() > 100) {
      throw new DisabilityFormException("bankName", "开户银行最多100个字");
    }
    if ("APPLY".equals(outcome)) {
      if (account == null && s.accountNumber() == null) {
        throw new DisabilityFormException("accountNumber", "家庭档案中没有银行账户，请填写领取补贴的开户银行和银行账号");
      }
      if (account != null) {
        repository.setAccount(id, bank, account, EngineContext.now());
      }
    } else if (note.length() < 5) {
      throw new DisabilityFormException("assistNote", "不申请的，请写明情况（至少5个字，如本人或监护人明确表示不申请）");
    }
    repository.insertRecord(id, "ASSISTED", ("APPLY".equals(outcome) ? "协助申请：本人（监护人）申请" : "协助申请：本人（监护人）不申请")
        + "。" + note, null, actor(task), EngineContext.now());
  }

  private void review(DelegateTask task) {
    String decision = oneOf(task, REVIEW_DECISION, "审核意见", "APPROVE", "REJECT");
    String opinion = text(task, "reviewOpinion", "审核说明", 2000);
    if ("REJECT".equals(decision) && opinion.length() < 5) {
      throw new DisabilityFormException("reviewOpinion", "不予通过须写明理由（至少5个字），理由将书面告知申请人");
    }
    String user = actor(task);
    repository.insertRecord(Cases.applicationId(task.getExecution()), "TOWNSHIP_REVIEW",
        ("APPROVE".equals(decision) ? "乡镇（街道）审核通过，报县级审核确认：" : "乡镇（街道）审核不予通过：") + opinion, null, user,
        EngineContext.now());
    task.setVariable(REVIEWED_BY, user);
  }

  private void decision(DelegateTask task) {
    String decision = oneOf(task, DECISION, "审核确认", "APPROVE", "REJECT");
    String user = actor(task);
    if (user == null) {
      throw new DisabilityFormException(DECISION, "无法确定审核确认人，请登录后办理");
    }
    if (user.equals(task.getVariable(REVIEWED_BY)) || user.equals(task.getVariable(REGISTERED_BY))) {
      throw new DisabilityFormException(DECISION, "审核确认须由乡镇（街道）审核人和登记人以外的另一人办理（四眼原则）");
    }
    String reasons = optional(task, "decisionReasons");
    if ("REJECT".equals(decision) && (reasons == null || reasons.length() < 5)) {
      throw new DisabilityFormException("decisionReasons", "不予批准须写明理由（至少5个字），理由将书面告知申请人");
    }
    if (reasons != null && reasons.length() > 2000) {
      throw new DisabilityFormException("decisionReasons", "“审核确认意见”最多2000个字，现有" + reasons.length() + "个字");
    }
    repository.insertRecord(Cases.applicationId(task.getExecution()), "COUNTY_DECISION",
        ("APPROVE".equals(decision) ? "县级审核确认：批准，按月发放" : "县级审核确认：不予批准") + (reasons == null ? "" : "。" + reasons),
        null, user, EngineContext.now());
    task.setVariable(DECIDED_BY, user);
    task.setVariable(DECIDED_ON, EngineContext.today().toString());
  }

  private static String actor(DelegateTask task) {
    String user = EngineContext.currentUser();
    return user != null ? user : task.getAssignee();
  }

  private static String optional(DelegateTask task, String key) {
    Object v = task.getVariable(key);
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  private static String text(DelegateTask task, String key, String label, int max) {
    String s = optional(task, key);
    if (s == null) {
      throw new DisabilityFormException(key, "请填写“" + label + "”");
    }
    if (s.length() > max) {
      throw new DisabilityFormException(key, "“" + label + "”最多" + max + "个字，现有" + s.length() + "个字");
    }
    return s;
  }

  private static String oneOf(DelegateTask task, String key, String label, String... allowed) {
    String s = optional(task, key);
    if (s == null) {
      throw new DisabilityFormException(key, "请选择“" + label + "”");
    }
    if (!Set.of(allowed).contains(s)) {
      throw new DisabilityFormException(key, "“" + label + "”的值" + s + "无效，可选：" + String.join("、", allowed));
    }
    return s;
  }
}
