package org.doudi.child.internal;

import static org.doudi.child.ChildVariables.*;
import static org.doudi.engine.TaskFields.actor;
import static org.doudi.engine.TaskFields.oneOf;
import static org.doudi.engine.TaskFields.optional;
import static org.doudi.engine.TaskFields.text;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.child.CareMode;
import org.doudi.child.persistence.ChildRepository;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;

/**
 * Server-side validation of every task form of {@code child-subsidy} and {@code child-review} (complete listener) and
 * the written record of who did what: a refused value throws {@link ChildFormException}, the completion rolls back
 * and the task stays open. The county's decisions are taken by another person than the one who prepared them (four
 * eyes): the recognition by neither the registrant nor the township investigator, a stop by not the reviewer.
 */
@ProcessBean("childFormCheck")
public class ChildFormCheck implements TaskListener {

  static final Set<String> STOP_GROUNDS = Set.of("PARENT_SITUATION_CHANGED", "ADOPTED", "DIED", "OTHER");

  private final ChildRepository repository;

  public ChildFormCheck(ChildRepository repository) {
    this.repository = repository;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_TownshipInvestigation" -> investigation(task);
      case "Task_CountyDecision" -> decision(task);
      case "Task_AnnualReview" -> review(task);
      case "Task_ConfirmStop" -> confirmStop(task);
      default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
    }
  }

  private void investigation(DelegateTask task) {
    String outcome = oneOf(task, INVESTIGATION_OUTCOME, "调查结论", "CONFIRM", "REJECT");
    String care = oneOf(task, "careMode", "养育方式", "INSTITUTION", "HOME");
    String evidence = text(task, "evidenceChecked", "核查的证明材料", 1000);
    String opinion = text(task, "investigationOpinion", "调查意见", 2000);
    if (evidence.length() < 5) {
      throw new ChildFormException("evidenceChecked", "请写明核查的证明材料（至少5个字，如死亡证明、判决书、残疾人证、公安机关出具的失联证明）");
    }
    if ("REJECT".equals(outcome) && opinion.length() < 5) {
      throw new ChildFormException("investigationOpinion", "不予认定须写明理由（至少5个字），理由将书面告知监护人");
    }
    String user = actor(task);
    long id = ChildSteps.applicationId(task.getExecution());
    repository.setCareMode(id, care, EngineContext.now());
    repository.insertRecord(id, "INVESTIGATION", ("CONFIRM".equals(outcome) ? "乡镇（街道）调查核实：情况属实，报县级审核确认。"
        : "乡镇（街道）调查核实：不予认定。") + "养育方式：" + CareMode.valueOf(care).label() + "。核查材料：" + evidence + "。意见："
        + opinion, null, user, EngineContext.now());
    task.setVariable(INVESTIGATED_BY, user);
  }

  private void decision(DelegateTask task) {
    String decision = oneOf(task, DECISION, "审核确认", "APPROVE", "REJECT");
    String user = requireActor(task, DECISION);
    if (user.equals(task.getVariable(INVESTIGATED_BY)) || user.equals(task.getVariable(REGISTERED_BY))) {
      throw new ChildFormException(DECISION, "审核确认须由登记人和乡镇（街道）调查人以外的另一人办理（四眼原则）");
    }
    String reasons = optional(task, "decisionReasons");
    if ("REJECT".equals(decision) && (reasons == null || reasons.length() < 5)) {
      throw new ChildFormException("decisionReasons", "不予认定须写明理由（至少5个字），理由将书面告知监护人");
    }
    if (reasons != null && reasons.length() > 2000) {
      throw new ChildFormException("decisionReasons", "“审核确认意见”最多2000个字，现有" + reasons.length() + "个字");
    }
    repository.insertRecord(ChildSteps.applicationId(task.getExecution()), "COUNTY_DECISION",
        ("APPROVE".equals(decision) ? "县级审核确认：认定，按月发放儿童基本生活费" : "县级审核确认：不予认定")
            + (reasons == null ? "" : "。" + reasons), null, user, EngineContext.now());
    task.setVariable(DECIDED_BY, user);
    task.setVariable(DECIDED_ON, EngineContext.today().toString());
  }

  private void review(DelegateTask task) {
    String outcome = oneOf(task, REVIEW_OUTCOME, "复核结论", "CONTINUE", "STOP");
    String opinion = text(task, "reviewOpinion", "复核情况", 2000);
    if ("STOP".equals(outcome)) {
      oneOf(task, "stopGround", "终止原因", STOP_GROUNDS.toArray(String[]::new));
      if (opinion.length() < 5) {
        throw new ChildFormException("reviewOpinion", "建议终止须写明情况（至少5个字），报县级确认后书面告知监护人");
      }
    }
    String user = requireActor(task, REVIEW_OUTCOME);
    repository.insertRecord(ChildSteps.applicationId(task.getExecution()), "REVIEW_PROPOSAL",
        ("STOP".equals(outcome) ? "年度复核：建议终止（" + optional(task, "stopGround") + "）。" : "年度复核：继续符合条件。")
            + opinion, null, user, EngineContext.now());
    task.setVariable(REVIEWED_BY, user);
  }

  private void confirmStop(DelegateTask task) {
    oneOf(task, STOP_DECISION, "县级确认", "CONFIRM", "CONTINUE");
    String user = requireActor(task, STOP_DECISION);
    if (user.equals(task.getVariable(REVIEWED_BY))) {
      throw new ChildFormException(STOP_DECISION, "终止保障须由复核人以外的另一人确认（四眼原则）");
    }
    String reasons = text(task, "stopReasons", "确认意见", 2000);
    if (reasons.length() < 5) {
      throw new ChildFormException("stopReasons", "请写明确认意见（至少5个字）；终止的理由将书面告知监护人");
    }
    task.setVariable(STOP_DECIDED_BY, user);
  }

  private static String requireActor(DelegateTask task, String field) {
    String user = actor(task);
    if (user == null) {
      throw new ChildFormException(field, "无法确定办理人，请登录后办理");
    }
    return user;
  }
}
