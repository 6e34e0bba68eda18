package org.doudi.supervision.petition.internal;

import static org.doudi.supervision.petition.PetitionVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.household.InvalidApplicationException;
import org.doudi.identity.CaseVariables;
import org.doudi.supervision.petition.ConcernedCase;
import org.doudi.supervision.petition.PetitionRegistration;
import org.doudi.supervision.petition.Petitions;
import org.doudi.supervision.petition.persistence.PetitionRepository;
import org.doudi.supervision.petition.persistence.PetitionRepository.Stored;

/**
 * The service steps of {@code petition}: each reads the stored petition and the values the form check recorded, and
 * is idempotent (a retried job finds its event written and does not write it again). Today's model calls them through
 * {@link PetitionDelegates}; older model versions call them by expression ({@code ${petitionSteps.replied(execution)}}).
 */
@ProcessBean("petitionSteps")
public class PetitionSteps {

  static final String HARDSHIP_PROCESS = "hardship-report";

  private final PetitionRepository repository;
  private final Petitions petitions;
  private final RuntimeService runtime;

  public PetitionSteps(PetitionRepository repository, Petitions petitions, RuntimeService runtime) {
    this.repository = repository;
    this.petitions = petitions;
    this.runtime = runtime;
  }

  static long petitionId(VariableScope scope) {
    Object v = scope.getVariable(PETITION_ID);
    return ((Number) v).longValue();
  }

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  /**
   * Start listener of 信访登记: a petition started from Tasklist's start form is checked like the API's and stored
   * with this instance; one registered through the API already carries its id.
   */
  public void registered(DelegateExecution execution) {
    if (execution.getVariable(PETITION_ID) != null) {
      return;
    }
    Object previous = execution.getVariable(PREVIOUS_PETITION_ID);
    PetitionRegistration r = new PetitionRegistration(string(execution, KIND), string(execution, CHANNEL),
        string(execution, PETITIONER_NAME), string(execution, ID_NUMBER), string(execution, CONTACT),
        string(execution, CLAIM), string(execution, CaseVariables.REGION_CODE),
        cases(string(execution, CONCERNED_CASES)), previous == null || previous.toString().isBlank() ? null
            : previousId(previous));
    Map<String, Object> vars;
    try {
      vars = petitions.registerStarted(r, string(execution, REGISTERED_BY), execution.getProcessInstanceId());
    } catch (InvalidApplicationException e) {
      var v = e.violations().get(0);
      String field = v.field().startsWith("concernedCases") ? CONCERNED_CASES : v.field();
      throw new FormFieldValidationException(field, String.join("；", e.violations().stream()
          .map(x -> x.message()).toList()));
    }
    execution.setVariables(vars);
  }

  private static Long previousId(Object v) {
    String s = v.toString().strip().replaceAll("\\.0+$", "");
    if (!s.matches("\\d{1,18}")) {
      throw new FormFieldValidationException(PREVIOUS_PETITION_ID, "此前的信访编号应为正整数");
    }
    return Long.parseLong(s);
  }

  /**
   * The kinds of case a caseworker names on the start form, in Chinese; the API's type names are accepted as well
   * (a case reference copied from the API or a report).
   */
  private static final Map<String, String> CASE_TYPES = Map.of("案件", "PROCESS_INSTANCE", "待遇", "AWARD",
      "特困人员", "TEKUN_PERSON", "特困", "TEKUN_PERSON", "PROCESS_INSTANCE", "PROCESS_INSTANCE", "AWARD", "AWARD",
      "TEKUN_PERSON", "TEKUN_PERSON");

  /** The start form's text: {@code 类别：编号} separated by commas, semicolons or new lines. */
  static List<ConcernedCase> cases(String text) {
    List<ConcernedCase> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String part : text.split("[,，;；\\n\\r]+")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.indexOf(':') >= 0 ? p.indexOf(':') : p.indexOf('：');
      String type = colon < 1 ? null : CASE_TYPES.get(p.substring(0, colon).strip().toUpperCase());
      if (type == null) {
        throw new FormFieldValidationException(CONCERNED_CASES, "涉及的案件应写为“类别：编号”，类别为案件、待遇或特困人员，"
            + "如“案件：（案件概况中的案件编号）”“待遇：DIBAO/H-12”“特困人员：7”，现为“" + p + "”");
      }
      out.add(new ConcernedCase(type, p.substring(colon + 1).strip()));
    }
    return out;
  }

  /** The 5 working days for a jurisdiction objection have passed: the body must now decide acceptance. */
  public void closeObjectionWindow(DelegateExecution execution) {
    execution.setVariable(OBJECTION_WINDOW_CLOSED, true);
    long id = petitionId(execution);
    if (repository.countEvents(id, "OBJECTION_WINDOW_CLOSED") < repository.countEvents(id, "ROUTED")) {
      repository.event(id, "OBJECTION_WINDOW_CLOSED", "转送后5个工作日内未提出管辖异议，不再受理管辖异议", "system",
          EngineContext.now());
    }
  }

  /** 书面告知不予受理, with the reason the body gave. */
  public void notAccepted(DelegateExecution execution) {
    long id = petitionId(execution);
    if (!repository.hasEvent(id, "NOT_ACCEPTED_NOTICE")) {
      repository.event(id, "NOT_ACCEPTED_NOTICE", "书面告知信访人不予受理。理由：" + string(execution, ACCEPTANCE_REASON),
          string(execution, HANDLED_BY), EngineContext.now());
    }
    repository.setStatus(id, "NOT_ACCEPTED", EngineContext.now());
  }

  /** The approved extension: the handling limit becomes 60 + n days and the petitioner is told the reason. */
  public void extensionApproved(DelegateExecution execution) {
    long id = petitionId(execution);
    Stored s = repository.find(id).orElseThrow();
    if (s.extensionDays() != null) {
      return; // a retried job
    }
    int days = ((Number) execution.getVariable(EXTENSION_DAYS)).intValue();
    String reason = string(execution, EXTENSION_REASON);
    repository.extended(id, days, reason, EngineContext.now());
    execution.setVariable(HANDLING_DAYS, Petitions.HANDLING_DAYS_LIMIT + days);
    repository.event(id, "EXTENSION_NOTICE", "书面告知信访人：办理期限延长" + days + "日（至" + s.acceptedOn().plusDays(
        Petitions.HANDLING_DAYS_LIMIT + days) + "）。延期理由：" + reason, "system", EngineContext.now());
  }

  /** The written reply (书面答复意见): the 30 days for 复查 count from today. */
  public void replied(DelegateExecution execution) {
    long id = petitionId(execution);
    Stored s = repository.find(id).orElseThrow();
    if (s.repliedOn() == null) {
      repository.replied(id, EngineContext.today(), EngineContext.now());
      repository.event(id, "REPLY", "出具书面答复意见：" + string(execution, CONCLUSION) + "。如不服，可自收到之日起30日内"
          + "请求原办理机关的上一级机关复查", string(execution, HANDLED_BY), EngineContext.now());
    }
    execution.setVariable(REPLIED_ON, repository.find(id).orElseThrow().repliedOn().toString());
  }

  /** The 复查 opinion: the 30 days for 复核 count from today. */
  public void reexamined(DelegateExecution execution) {
    long id = petitionId(execution);
    Stored s = repository.find(id).orElseThrow();
    if (s.reexaminationRepliedOn() == null) {
      repository.reexamined(id, EngineContext.today(), EngineContext.now());
      repository.event(id, "REEXAMINATION_REPLY", "出具复查意见：" + string(execution, REEXAMINATION_OPINION)
          + "。如不服，可自收到之日起30日内向复查机关的上一级机关请求复核", null, EngineContext.now());
    }
    execution.setVariable(REEXAMINED_ON, repository.find(id).orElseThrow().reexaminationRepliedOn().toString());
  }

  /** A hearing begins: its days are added to the 复核 limit when it ends (hearing time is not counted). */
  public void hearingStarted(DelegateExecution execution) {
    execution.setVariable(HEARING_STARTED_ON, EngineContext.today().toString());
    long id = petitionId(execution);
    repository.event(id, "HEARING_STARTED", "复核机关决定举行听证，听证所需时间不计入复核期限", null, EngineContext.now());
  }

  /** The 复核 opinion: the petition is closed; the same claim is no longer accepted. */
  public void finalReplied(DelegateExecution execution) {
    long id = petitionId(execution);
    Stored s = repository.find(id).orElseThrow();
    if (s.finalReviewRepliedOn() == null) {
      repository.finalReviewReplied(id, EngineContext.today(), EngineContext.now());
      repository.event(id, "FINAL_REVIEW_REPLY", "出具复核意见：" + string(execution, FINAL_REVIEW_OPINION)
          + "。信访人就同一事项再次提出的，不再受理", null, EngineContext.now());
    }
  }

  /** No request within the window: the petition is closed as replied. */
  public void closeUnchallenged(DelegateExecution execution, String stage) {
    long id = petitionId(execution);
    Stored s = repository.find(id).orElseThrow();
    if (!"CLOSED".equals(s.status())) {
      repository.setStatus(id, "CLOSED", EngineContext.now());
      repository.event(id, "CLOSED", ("REPLY".equals(stage) ? "收到书面答复意见后30日内未申请复查"
          : "收到复查意见后30日内未申请复核") + "，信访事项办结", "system", EngineContext.now());
    }
  }

  /**
   * 信访工作条例第37条: a petitioner in hardship is referred to social assistance — a 困难群众主动发现报告
   * ({@code hardship-report}) of the petition's township, linked both ways; once per petition.
   */
  public void referToAssistance(DelegateExecution execution) {
    long id = petitionId(execution);
    Stored s = repository.find(id).orElseThrow();
    if (s.hardshipProcessId() != null) {
      execution.setVariable(HARDSHIP_PROCESS_ID, s.hardshipProcessId());
      return;
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(CaseVariables.REGION_CODE, s.regionCode());
    vars.put("householdHead", s.petitionerName());
    vars.put("address", string(execution, "address"));
    vars.put("contactPhone", s.contact().matches("[0-9+\\- ]{7,20}") ? s.contact() : null);
    vars.put("discoverySource", "SELF");
    vars.put("situation", "信访转介（信访编号" + id + "）：" + string(execution, "hardshipSituation"));
    vars.put("reportedBy", string(execution, HANDLED_BY));
    vars.put("petitionId", id);
    vars.values().removeIf(java.util.Objects::isNull);
    String pid = runtime.createProcessInstanceByKey(HARDSHIP_PROCESS).businessKey("petition-" + id)
        .setVariables(vars).execute().getId();
    repository.referred(id, pid, EngineContext.now());
    repository.event(id, "HARDSHIP_REFERRAL", "信访人生活困难，转介社会救助：已发起困难群众主动发现报告（流程实例" + pid + "）",
        string(execution, HANDLED_BY), EngineContext.now());
    execution.setVariable(HARDSHIP_PROCESS_ID, pid);
  }
}
