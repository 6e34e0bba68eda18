package org.doudi.dibao;

import org.doudi.engine.EngineAsSystem;
import java.util.HashMap;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.doudi.audit.AuditTrail;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.Households;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.doudi.identity.CaseVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 低保 cases from outside the engine: online applications, objections during 公示, withdrawal. The engine runs with
 * the caller's authentication for what they may see; message correlation runs as the system after the case has
 * been found with the caller's rights (a caseworker has no engine permission to update instances).
 */
@Service
public class DibaoCases {

  private final Households households;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final AuditTrail audit;
  private final org.camunda.bpm.engine.TaskService tasks;
  private final org.doudi.document.Documents documents;

  public DibaoCases(Households households, RuntimeService runtime, EngineAsSystem asSystem, AuditTrail audit,
      org.camunda.bpm.engine.TaskService tasks, org.doudi.document.Documents documents) {
    this.households = households;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.audit = audit;
    this.tasks = tasks;
    this.documents = documents;
  }

  public record StartedCase(long applicationId, String processInstanceId) {}

  /** An objection during 公示; {@code objectorPhone} may be null. */
  public record Objection(String objectorName, String objectorPhone, String content) {}

  /** No 公示 (or no running case step) accepts this event now. */
  public static class NotAcceptedNowException extends RuntimeException {
    public NotAcceptedNowException(String message) {
      super(message);
    }
  }

  /**
   * Validates and registers the application and starts {@code dibao-application} (business key = application id),
   * all in one transaction: invalid input or a failed start stores nothing.
   *
   * @throws InvalidApplicationException with every violation
   */
  @Transactional
  public StartedCase apply(HouseholdApplication application, String user) {
    return start(application, user, null);
  }

  /**
   * An application filed online by the household itself (module citizen): the same checks and process as
   * {@link #apply}, with the process variable {@code channel} = ONLINE.
   */
  @Transactional
  public StartedCase applyOnline(HouseholdApplication application, String user) {
    return start(application, user, DibaoVariables.CHANNEL_ONLINE);
  }

  private StartedCase start(HouseholdApplication application, String user, String channel) {
    long id = households.register(application, user);
    Map<String, Object> variables = new HashMap<>();
    if (channel != null) {
      variables.put(DibaoVariables.CHANNEL, channel);
    }
    variables.put(DibaoVariables.APPLICATION_ID, id);
    variables.put(CaseVariables.REGION_CODE, application.regionCode());
    variables.put(DibaoVariables.REGISTERED_BY, user);
    ProcessInstance pi = runtime.createProcessInstanceByKey(DibaoVariables.PROCESS_KEY)
        .businessKey(String.valueOf(id)).setVariables(variables).execute();
    // the case's variables carry no ID number: one entry per member lets an auditor find the case by person
    for (var m : application.members()) {
      audit.record(new AuditRecord(AuditKind.CHANGE, "dibao.application-registered", user, pi.getId(),
          String.valueOf(id), application.regionCode(), "household_application " + id, null, m.relation() + " "
          + m.idNumber(), m.idNumber()));
    }
    return new StartedCase(id, pi.getId());
  }

  /**
   * Files an objection against the running 公示 of a case.
   *
   * @return the notice round the objection belongs to
   * @throws NoSuchElementException       no such case visible to the caller
   * @throws NotAcceptedNowException      the case has no 公示 running
   * @throws InvalidApplicationException  missing or oversized fields (violations name them)
   */
  public int fileObjection(String processInstanceId, Objection objection, String user) {
    validate(objection);
    requireVisible(processInstanceId);
    return asSystem.call(() -> {
      if (runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
          .eventName(DibaoVariables.MESSAGE_OBJECTION).count() == 0) {
        throw new NotAcceptedNowException("案件" + processInstanceId + "当前不在公示期，不能登记异议");
      }
      Object round = runtime.getVariable(processInstanceId, DibaoVariables.NOTICE_ROUND);
      Map<String, Object> v = new HashMap<>();
      v.put(DibaoVariables.OBJECTOR_NAME, objection.objectorName().strip());
      v.put(DibaoVariables.OBJECTOR_PHONE, objection.objectorPhone() == null ? null : objection.objectorPhone().strip());
      v.put(DibaoVariables.OBJECTION_CONTENT, objection.content().strip());
      v.put(DibaoVariables.OBJECTION_SOURCE, "API");
      v.put(DibaoVariables.OBJECTION_FILED_BY, user);
      runtime.createMessageCorrelation(DibaoVariables.MESSAGE_OBJECTION).processInstanceId(processInstanceId)
          .setVariables(v).correlate();
      return round instanceof Number n ? n.intValue() : 0;
    });
  }

  /**
   * The applicant withdraws the application (at any step before the decision is delivered).
   *
   * @throws NoSuchElementException  no such case visible to the caller
   * @throws NotAcceptedNowException the case has already ended
   */
  public void withdraw(String processInstanceId, String reason, String user) {
    if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
      throw new InvalidApplicationException("reason", "请填写撤回理由（1到500个字）");
    }
    requireVisible(processInstanceId);
    asSystem.call(() -> {
      if (runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
          .eventName(DibaoVariables.MESSAGE_WITHDRAWAL).count() == 0) {
        throw new NotAcceptedNowException("案件" + processInstanceId + "已经结束，不能撤回");
      }
      runtime.createMessageCorrelation(DibaoVariables.MESSAGE_WITHDRAWAL).processInstanceId(processInstanceId)
          .setVariable(DibaoVariables.WITHDRAWAL_REASON, reason.strip() + "（" + user + "登记）").correlate();
      return null;
    });
  }

  /**
   * The 受理 checklist fields (materialIdentity, …) the 一次性告知 of a case listed as missing while the case waits
   * at 等待补齐材料; empty when the case does not wait for materials.
   */
  public java.util.List<org.doudi.document.MaterialType> awaitedMaterials(String processInstanceId) {
    return asSystem.call(() -> {
      if (awaitTask(processInstanceId) == null) {
        return java.util.List.<org.doudi.document.MaterialType>of();
      }
      Object missing = runtime.getVariable(processInstanceId, DibaoVariables.MISSING_MATERIALS);
      java.util.List<org.doudi.document.MaterialType> out = new java.util.ArrayList<>();
      if (missing instanceof String text && !text.isBlank()) {
        for (String label : text.split("、")) {
          String field = org.doudi.dibao.internal.FormCheck.fieldOfLabel(label.strip());
          if (field != null) {
            out.addAll(org.doudi.document.MaterialChecklist.DIBAO.typesOf(field));
          }
        }
      }
      return out;
    });
  }

  /**
   * The applicant supplied materials (an online upload): when the case waits at 等待补齐材料 and every item the
   * 一次性告知 listed now has a document of its type, the wait ends as when the caseworker records 已补齐
   * (SUPPLIED): the clock resumes (the task's end listener) and the case returns to 受理.
   *
   * @return true when the wait ended, false when the case does not wait or items are still missing
   */
  @Transactional
  public boolean materialsSupplied(String processInstanceId, String user) {
    java.util.List<org.doudi.document.MaterialType> awaited = awaitedMaterials(processInstanceId);
    if (awaited.isEmpty()) {
      return false;
    }
    for (org.doudi.document.MaterialType t : awaited) {
      if (!documents.hasMaterial(processInstanceId, t)) {
        return false;
      }
    }
    return asSystem.call(() -> {
      org.camunda.bpm.engine.task.Task task = awaitTask(processInstanceId);
      if (task == null) {
        return false;
      }
      Map<String, Object> v = new HashMap<>();
      v.put(DibaoVariables.MATERIALS_OUTCOME, "SUPPLIED");
      v.put(DibaoVariables.MATERIALS_NOTE, "申请人已在网上补齐材料（" + user + "）");
      tasks.complete(task.getId(), v);
      return true;
    });
  }

  /**
   * The applicant objects to the check result (第十八条) and asks for a 复查: completes 登记申请人对核对结果的意见 with
   * OBJECTS and the applicant's reasons, as the caseworker's form does; the township's 复查 follows.
   *
   * @throws NotAcceptedNowException the case does not wait for the applicant's response to a check result
   * @throws InvalidApplicationException reasons missing or longer than 2000 characters
   */
  public void requestRecheck(String processInstanceId, String reasons, String user) {
    if (reasons == null || reasons.isBlank() || reasons.strip().length() > 2000) {
      throw new InvalidApplicationException("reasons", "请填写申请复查的理由和证据（1到2000个字）");
    }
    asSystem.call(() -> {
      org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey("Task_RecordCheckResponse").active().singleResult();
      if (task == null) {
        throw new NotAcceptedNowException("案件当前不在告知核对结果后的意见登记阶段，不能申请复查");
      }
      Map<String, Object> v = new HashMap<>();
      v.put(DibaoVariables.CHECK_RESPONSE, "OBJECTS");
      v.put(DibaoVariables.CHECK_OBJECTION_EVIDENCE, reasons.strip() + "（" + user + "在网上提出）");
      tasks.complete(task.getId(), v);
      return null;
    });
  }

  private org.camunda.bpm.engine.task.Task awaitTask(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_AwaitMaterials")
        .active().singleResult();
  }

  private void requireVisible(String processInstanceId) {
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .processDefinitionKey(DibaoVariables.PROCESS_KEY).count() == 0) {
      throw new NoSuchElementException("没有找到正在办理的低保案件 " + processInstanceId);
    }
  }

  private static void validate(Objection o) {
    java.util.List<Violation> v = new java.util.ArrayList<>();
    if (o == null) {
      throw new InvalidApplicationException("", "请提交异议内容");
    }
    if (o.objectorName() == null || o.objectorName().isBlank()) {
      v.add(new Violation("objectorName", "请填写异议人姓名"));
    } else if (o.objectorName().strip().length() > 50) {
      v.add(new Violation("objectorName", "异议人姓名最多50个字"));
    }
    if (o.content() == null || o.content().isBlank()) {
      v.add(new Violation("content", "请填写异议内容"));
    } else if (o.content().strip().length() > 2000) {
      v.add(new Violation("content", "异议内容最多2000个字，现有" + o.content().strip().length() + "个字"));
    }
    if (o.objectorPhone() != null && !o.objectorPhone().isBlank() && !o.objectorPhone().strip().matches("[0-9+\\- ]{7,20}")) {
      v.add(new Violation("objectorPhone", "异议人联系电话" + o.objectorPhone() + "不是有效的电话号码"));
    }
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
  }

}
