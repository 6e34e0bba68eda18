package org.doudi.supervision.petition.internal;

import static org.doudi.engine.TaskFields.actor;
import static org.doudi.engine.TaskFields.oneOf;
import static org.doudi.engine.TaskFields.optional;
import static org.doudi.engine.TaskFields.text;
import static org.doudi.supervision.petition.PetitionVariables.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.household.InvalidApplicationException;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.supervision.petition.Petitions;
import org.doudi.supervision.petition.persistence.PetitionRepository;
import org.doudi.supervision.petition.persistence.PetitionRepository.Stored;
import org.doudi.identity.CaseVariables;

/**
 * Server-side check of every task form of {@code petition} (complete listener) and the written record of who decided
 * what: a refused value throws {@link FormFieldValidationException}, the completion rolls back and the task stays
 * open. An extension is approved by another person than the one who asked for it (four eyes), once per petition;
 * the 复查 is decided by another person than the one who concluded.
 */
@ProcessBean("petitionFormCheck")
public class PetitionFormCheck implements TaskListener {

  private final PetitionRepository repository;
  private final Regions regions;
  private final Petitions petitions;

  public PetitionFormCheck(PetitionRepository repository, Regions regions, Petitions petitions) {
    this.repository = repository;
    this.regions = regions;
    this.petitions = petitions;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_RoutePetition" -> route(task);
      case "Task_DecideAcceptance" -> acceptance(task);
      case "Task_HandlePetition" -> handle(task);
      case "Task_ApproveExtension" -> approveExtension(task);
      case "Task_Reexamine" -> reexamine(task);
      case "Task_FinalReview" -> finalReview(task);
      case "Task_Hearing" -> hearing(task);
      case TASK_AWAIT_REEXAMINATION -> {
        LocalDate on = registered(task, (id, reason, user) -> petitions.reexaminationRegistered(id, reason, user));
        task.setVariable(REEXAMINATION_REQUESTED_ON, on.toString());
      }
      case TASK_AWAIT_FINAL_REVIEW -> {
        LocalDate on = registered(task, (id, reason, user) -> petitions.finalReviewRegistered(id, reason, user));
        task.setVariable(FINAL_REVIEW_REQUESTED_ON, on.toString());
      }
      default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
    }
  }

  private void route(DelegateTask task) {
    String to = oneOf(task, ROUTE_TO, "转送办理机关", "TOWNSHIP_CASEWORKER", "COUNTY_CASEWORKER");
    String note = optional(task, "routingNote");
    if (note != null && note.length() > 1000) {
      throw new FormFieldValidationException("routingNote", "“转送说明”最多1000个字");
    }
    String region = (String) task.getVariable(CaseVariables.REGION_CODE);
    if ("TOWNSHIP_CASEWORKER".equals(to) && regions.ancestorAt(region, RegionLevel.TOWNSHIP).isEmpty()) {
      throw new FormFieldValidationException(ROUTE_TO, "信访事项的行政区划" + region + "为县级，无法确定乡镇（街道），请转送县级办理");
    }
    String user = requireActor(task, ROUTE_TO);
    long id = PetitionSteps.petitionId(task);
    LocalDate today = EngineContext.today();
    repository.routed(id, to, today, EngineContext.now());
    repository.event(id, "ROUTED", "登记转送" + ("TOWNSHIP_CASEWORKER".equals(to) ? "乡镇（街道）" : "县级民政部门")
        + "办理" + (note == null ? "" : "：" + note), user, EngineContext.now());
    task.setVariable(HANDLING_ROLE, to);
    task.setVariable(ROUTED_ON, today.toString());
    task.setVariable(OBJECTION_WINDOW_CLOSED, false);
  }

  private void acceptance(DelegateTask task) {
    String decision = oneOf(task, ACCEPTANCE, "是否受理", "ACCEPT", "NOT_ACCEPT", "OBJECT_JURISDICTION");
    String reason = optional(task, ACCEPTANCE_REASON);
    if (reason != null && reason.length() > 2000) {
      throw new FormFieldValidationException(ACCEPTANCE_REASON, "“理由”最多2000个字，现有" + reason.length() + "个字");
    }
    if (!"ACCEPT".equals(decision) && (reason == null || reason.length() < 5)) {
      throw new FormFieldValidationException(ACCEPTANCE_REASON, "NOT_ACCEPT".equals(decision)
          ? "不予受理须写明理由（至少5个字），理由将书面告知信访人" : "提出管辖异议须写明理由（至少5个字）");
    }
    if ("OBJECT_JURISDICTION".equals(decision) && Boolean.TRUE.equals(task.getVariable(OBJECTION_WINDOW_CLOSED))) {
      throw new FormFieldValidationException(ACCEPTANCE, "对转送的信访事项有管辖异议的，应在收到后5个工作日内提出，已超过期限；"
          + "请决定是否受理");
    }
    String user = requireActor(task, ACCEPTANCE);
    long id = PetitionSteps.petitionId(task);
    switch (decision) {
      case "ACCEPT" -> {
        repository.accepted(id, EngineContext.today(), EngineContext.now());
        repository.event(id, "ACCEPTED", "受理，告知信访人；应自受理之日起60日内办结" + (reason == null ? "" : "。" + reason),
            user, EngineContext.now());
        task.setVariable(ACCEPTED_ON, EngineContext.today().toString());
      }
      case "NOT_ACCEPT" -> repository.event(id, "NOT_ACCEPTED", "不予受理：" + reason, user, EngineContext.now());
      default -> {
        repository.setStatus(id, "REGISTERED", EngineContext.now());
        repository.event(id, "JURISDICTION_OBJECTION", "提出管辖异议，退回重新转送：" + reason, user, EngineContext.now());
      }
    }
    task.setVariable(HANDLED_BY, user);
  }

  private void handle(DelegateTask task) {
    String outcome = oneOf(task, HANDLING_OUTCOME, "办理结果", "CONCLUDE", "EXTEND", "REFER_ASSISTANCE");
    String user = requireActor(task, HANDLING_OUTCOME);
    long id = PetitionSteps.petitionId(task);
    Stored s = repository.find(id).orElseThrow();
    switch (outcome) {
      case "CONCLUDE" -> {
        String conclusion = text(task, CONCLUSION, "处理意见", 4000);
        if (conclusion.length() < 10) {
          throw new FormFieldValidationException(CONCLUSION, "请写明处理意见（至少10个字），将作为书面答复意见告知信访人");
        }
        task.setVariable(HANDLED_BY, user);
      }
      case "EXTEND" -> {
        if (s.extensionDays() != null) {
          throw new FormFieldValidationException(HANDLING_OUTCOME, "办理期限已延长过一次（" + s.extensionDays()
              + "日），不能再次延期（《信访工作条例》：延长期限不得超过30日）");
        }
        Object d = task.getVariable(EXTENSION_DAYS);
        long days = d instanceof Number n ? n.longValue() : -1;
        if (days < 1 || days > Petitions.MAX_EXTENSION_DAYS || (d instanceof Number n && n.doubleValue() != days)) {
          throw new FormFieldValidationException(EXTENSION_DAYS, "延长天数应为1至30的整数（日）");
        }
        task.setVariable(EXTENSION_DAYS, (int) days);
        String reason = text(task, EXTENSION_REASON, "延期理由", 1000);
        if (reason.length() < 5) {
          throw new FormFieldValidationException(EXTENSION_REASON, "请写明延期理由（至少5个字），理由将告知信访人");
        }
        repository.event(id, "EXTENSION_REQUESTED", "申请延长办理期限" + days + "日：" + reason, user, EngineContext.now());
        task.setVariable(EXTENSION_REQUESTED_BY, user);
      }
      default -> {
        if (s.hardshipProcessId() != null) {
          throw new FormFieldValidationException(HANDLING_OUTCOME, "该信访人已转介社会救助（流程实例" + s.hardshipProcessId()
              + "），不能重复转介");
        }
        if (regions.ancestorAt(s.regionCode(), RegionLevel.TOWNSHIP).isEmpty()) {
          throw new FormFieldValidationException(HANDLING_OUTCOME, "信访事项的行政区划为县级，无法确定核实困难情况的乡镇（街道）");
        }
        text(task, "address", "住址", 200);
        String situation = text(task, "hardshipSituation", "困难情况", 2000);
        if (situation.length() < 5) {
          throw new FormFieldValidationException("hardshipSituation", "请写明信访人的困难情况（至少5个字）");
        }
        task.setVariable(HANDLED_BY, user);
      }
    }
  }

  private void approveExtension(DelegateTask task) {
    String decision = oneOf(task, EXTENSION_DECISION, "审批意见", "APPROVE", "REFUSE");
    String user = requireActor(task, EXTENSION_DECISION);
    if (user.equals(task.getVariable(EXTENSION_REQUESTED_BY))) {
      throw new FormFieldValidationException(EXTENSION_DECISION, "延期须由申请人以外的另一人审批（四眼原则）");
    }
    String opinion = optional(task, EXTENSION_OPINION);
    if ("REFUSE".equals(decision) && (opinion == null || opinion.length() < 5)) {
      throw new FormFieldValidationException(EXTENSION_OPINION, "不同意延期须写明理由（至少5个字）");
    }
    if (opinion != null && opinion.length() > 1000) {
      throw new FormFieldValidationException(EXTENSION_OPINION, "“审批意见”最多1000个字");
    }
    repository.event(PetitionSteps.petitionId(task), "APPROVE".equals(decision) ? "EXTENSION_APPROVED"
        : "EXTENSION_REFUSED", ("APPROVE".equals(decision) ? "同意延长办理期限" : "不同意延长办理期限")
        + (opinion == null ? "" : "：" + opinion), user, EngineContext.now());
  }

  private void reexamine(DelegateTask task) {
    String opinion = text(task, REEXAMINATION_OPINION, "复查意见", 4000);
    if (opinion.length() < 10) {
      throw new FormFieldValidationException(REEXAMINATION_OPINION, "请写明复查意见（至少10个字），将书面答复信访人");
    }
    String user = requireActor(task, REEXAMINATION_OPINION);
    if (user.equals(task.getVariable(HANDLED_BY))) {
      throw new FormFieldValidationException(REEXAMINATION_OPINION, "复查须由原处理人以外的人员办理");
    }
    task.setVariable(REEXAMINED_BY, user);
  }

  private void finalReview(DelegateTask task) {
    String outcome = oneOf(task, FINAL_REVIEW_OUTCOME, "复核方式", "REPLY", "HEARING");
    if ("REPLY".equals(outcome)) {
      String opinion = text(task, FINAL_REVIEW_OPINION, "复核意见", 4000);
      if (opinion.length() < 10) {
        throw new FormFieldValidationException(FINAL_REVIEW_OPINION, "请写明复核意见（至少10个字），将书面答复信访人");
      }
    }
    String user = requireActor(task, FINAL_REVIEW_OUTCOME);
    if (user.equals(task.getVariable(REEXAMINED_BY)) || user.equals(task.getVariable(HANDLED_BY))) {
      throw new FormFieldValidationException(FINAL_REVIEW_OUTCOME, "复核须由原处理人和复查人以外的人员办理");
    }
  }

  private void hearing(DelegateTask task) {
    String record = text(task, HEARING_RECORD, "听证情况", 4000);
    if (record.length() < 5) {
      throw new FormFieldValidationException(HEARING_RECORD, "请写明听证情况（至少5个字）");
    }
    String user = requireActor(task, HEARING_RECORD);
    LocalDate started = LocalDate.parse((String) task.getVariable(HEARING_STARTED_ON));
    int days = (int) ChronoUnit.DAYS.between(started, EngineContext.today());
    long id = PetitionSteps.petitionId(task);
    repository.addHearingDays(id, days, EngineContext.now());
    repository.event(id, "HEARING", "听证（" + started + "至" + EngineContext.today() + "，" + days
        + "日，不计入复核期限）：" + record, user, EngineContext.now());
    Object before = task.getVariable(FINAL_REVIEW_DAYS);
    task.setVariable(FINAL_REVIEW_DAYS, (before == null ? Petitions.REPLY_DAYS : ((Number) before).intValue()) + days);
  }

  private interface Registration {
    LocalDate register(long petitionId, String reason, String user);
  }

  /** 登记复查申请 / 登记复核申请: the petition module's own checks (window, once only), refusals on the form's field. */
  private LocalDate registered(DelegateTask task, Registration registration) {
    String user = requireActor(task, REQUEST_REASON);
    try {
      return registration.register(PetitionSteps.petitionId(task), optional(task, REQUEST_REASON), user);
    } catch (InvalidApplicationException e) {
      throw new FormFieldValidationException(REQUEST_REASON, e.violations().get(0).message());
    }
  }

  private static String requireActor(DelegateTask task, String field) {
    String user = actor(task);
    if (user == null) {
      throw new FormFieldValidationException(field, "无法确定办理人，请登录后办理");
    }
    return user;
  }
}
