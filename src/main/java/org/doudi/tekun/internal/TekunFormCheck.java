package org.doudi.tekun.internal;

import static org.doudi.engine.TaskFields.actor;
import static org.doudi.engine.TaskFields.oneOf;
import static org.doudi.engine.TaskFields.optional;
import static org.doudi.engine.TaskFields.text;
import static org.doudi.tekun.TekunRecognitionVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.document.Documents;
import org.doudi.document.MaterialChecklist;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.TekunFacts;
import org.doudi.tekun.TekunFacts.SelfCareItem;
import org.doudi.tekun.persistence.TekunCaseRepository;
import org.doudi.tekun.persistence.TekunCaseRepository.StoredCase;
import org.doudi.tekun.TekunRecognitionVariables;

/**
 * Server-side checks of every task form of {@code tekun-recognition} (complete listener) and the written record of
 * who did what: a refused value throws {@link TekunFormException}, the completion rolls back and the task stays open.
 * The investigation's six-item self-care assessment becomes the case's facts (the care level follows from the count
 * of items the person cannot do). Four eyes: the 初审 by another person than the investigators' recorder, the
 * confirmation by another person than the registrant, the recorder and the 初审.
 */
@ProcessBean("tekunFormCheck")
public class TekunFormCheck implements TaskListener {

  /** The six items' checkbox keys ("cannot …"), in the order of the form. */
  static final Map<String, SelfCareItem> ITEMS = items();

  /** The acceptance form's materials (checkbox key → what the notice names); the guardian's proof only for one. */
  static final Map<String, String> MATERIALS = materials();

  private final TekunCaseRepository cases;
  private final CaseJson json;
  private final Documents documents;

  public TekunFormCheck(TekunCaseRepository cases, CaseJson json, Documents documents) {
    MaterialChecklist.TEKUN.requireFields(MATERIALS.keySet());
    this.cases = cases;
    this.json = json;
    this.documents = documents;
  }

  private static Map<String, String> materials() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("materialApplication", "申请书（本人或监护人签字）");
    m.put("materialIdentity", "身份证、户口簿");
    m.put("materialIncomeAssets", "本人收入和财产状况说明");
    m.put("materialAuthorisation", "家庭经济状况核对授权书（已签字）");
    m.put("materialSupporter", "法定赡养、抚养、扶养义务人情况说明");
    m.put("materialGuardian", "监护关系证明");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, SelfCareItem> items() {
    Map<String, SelfCareItem> m = new LinkedHashMap<>();
    m.put("cannotEat", SelfCareItem.EATING);
    m.put("cannotDress", SelfCareItem.DRESSING);
    m.put("cannotTransfer", SelfCareItem.BED_TRANSFER);
    m.put("cannotToilet", SelfCareItem.TOILETING);
    m.put("cannotWalk", SelfCareItem.INDOOR_WALKING);
    m.put("cannotBathe", SelfCareItem.BATHING);
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_AssistApplication" -> assist(task);
      case "Task_AcceptApplication" -> accept(task);
      case "Task_AwaitMaterials" -> awaitMaterials(task);
      case "Task_TownshipInvestigation", "Task_Reinvestigate" -> investigate(task);
      case "Task_DemocraticAppraisal" -> appraisal(task);
      case "Task_PreliminaryReview" -> preliminary(task);
      case "Task_PublicNotice" -> objection(task);
      case "Task_CountySpotCheck" -> spotCheck(task);
      case "Task_ConfirmRecognition" -> confirm(task);
      case "Task_DeliverRejectionNotice" -> delivery(task);
      default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
    }
  }

  private void assist(DelegateTask task) {
    String outcome = oneOf(task, ASSIST_OUTCOME, "办理结果", "APPLY", "DECLINE");
    String note = text(task, "assistNote", "协助情况", 500);
    if ("DECLINE".equals(outcome) && note.length() < 5) {
      throw new TekunFormException("assistNote", "不申请的，请写明情况（至少5个字，如本人或监护人明确表示不申请）");
    }
    record(task, "ASSISTED", ("APPLY".equals(outcome) ? "协助申请：本人（监护人）申请。" : "协助申请：本人（监护人）不申请。")
        + note);
  }

  private void accept(DelegateTask task) {
    java.util.List<String> missing = new java.util.ArrayList<>();
    java.util.List<String> ticked = new java.util.ArrayList<>();
    MATERIALS.forEach((key, label) -> {
      Object v = task.getVariable(key);
      if (v != null && !(v instanceof Boolean)) {
        throw new TekunFormException(key, "“" + label + "”应勾选或不勾选");
      }
      boolean guardianOnly = key.equals("materialGuardian");
      String applicant = String.valueOf(task.getVariable(APPLICANT_TEXT));
      if (Boolean.TRUE.equals(v)) {
        ticked.add(key);
      } else if (!guardianOnly || applicant.startsWith("监护人")) {
        missing.add(label);
      }
    });
    // a ticked item needs a scanned file of its kind on the case (docs/documents.md)
    java.util.List<Documents.UnbackedItem> unbacked = documents.unbackedChecklistItems(task.getProcessInstanceId(),
        MaterialChecklist.TEKUN, ticked);
    if (!unbacked.isEmpty()) {
      throw new TekunFormException(unbacked.get(0).field(), Documents.refusal(unbacked, MATERIALS));
    }
    String note = optional(task, "acceptanceNote");
    if (note != null && note.length() > 500) {
      throw new TekunFormException("acceptanceNote", "“受理说明”最多500个字，现有" + note.length() + "个字");
    }
    task.setVariable(MATERIALS_COMPLETE, missing.isEmpty());
    task.setVariable(MISSING_MATERIALS, String.join("、", missing));
    if (missing.isEmpty()) {
      task.setVariable(TekunRecognitionVariables.ACCEPTED_BY, actor(task));
    } else {
      record(task, "MATERIALS_CHECKED", "材料不齐全，缺少：" + String.join("、", missing) + (note == null ? "" : "。" + note));
    }
  }

  private void awaitMaterials(DelegateTask task) {
    String outcome = oneOf(task, MATERIALS_OUTCOME, "补齐情况", "SUPPLIED", "WITHDRAWN");
    String note = optional(task, "materialsNote");
    record(task, "MATERIALS", ("SUPPLIED".equals(outcome) ? "申请人已补齐材料" : "申请人撤回申请")
        + (note == null ? "" : "：" + clip(note, 500)));
  }

  private void investigate(DelegateTask task) {
    long id = caseId(task);
    StoredCase c = cases.find(id).orElseThrow();
    Set<SelfCareItem> impossible = EnumSet.noneOf(SelfCareItem.class);
    for (Map.Entry<String, SelfCareItem> e : ITEMS.entrySet()) {
      Object v = task.getVariable(e.getKey());
      if (v != null && !(v instanceof Boolean)) {
        throw new TekunFormException(e.getKey(), "“" + e.getValue().label() + "”应勾选或不勾选");
      }
      if (Boolean.TRUE.equals(v)) {
        impossible.add(e.getValue());
      }
    }
    TekunFacts.Supporter supporter = TekunFacts.Supporter.valueOf(oneOf(task, "supporter", "法定义务人情况", "NONE",
        "UNABLE", "ABLE"));
    TekunFacts.Schooling schooling = TekunFacts.Schooling.valueOf(oneOf(task, "schooling", "在校情况", "NONE",
        "COMPULSORY", "SENIOR_HIGH", "SECONDARY_VOCATIONAL", "OTHER"));
    TekunFacts.ChildStatus child = TekunFacts.ChildStatus.valueOf(oneOf(task, "childStatus", "孤儿或事实无人抚养儿童",
        "NONE", "ORPHAN", "WITHOUT_DE_FACTO_CARE"));
    boolean choosesChild = Boolean.TRUE.equals(task.getVariable(TekunRecognitionVariables.CHOOSES_CHILD_SUBSIDY));
    if (choosesChild && child == TekunFacts.ChildStatus.NONE) {
      throw new TekunFormException("choosesChildSubsidy", "只有孤儿或事实无人抚养儿童可以选择儿童基本生活保障");
    }
    String investigators = text(task, "investigators", "调查人员", 100);
    if (investigators.split("[、,，\\s]+").length < 2) {
      throw new TekunFormException("investigators", "入户调查人员不少于2人，请填写全部调查人员姓名（以“、”分隔）");
    }
    String note = text(task, "investigationNote", "调查情况", 2000);
    if (note.length() < 10) {
      throw new TekunFormException("investigationNote", "请写明入户调查、邻里访问的情况（至少10个字）");
    }
    TekunFacts f = json.facts(c.factsJson() != null ? c.factsJson() : c.declaredJson());
    TekunFacts found = new TekunFacts(f.fullName(), f.idNumber(), f.countyCode(), f.urbanRural(), f.assessedOn(),
        f.disabilityCategory(), f.disabilityGrade(), impossible, f.incomes(), f.assets(), supporter, schooling, child,
        choosesChild);
    cases.storeFacts(id, json.write(found), EngineContext.now());
    CareLevel level = CareLevel.ofImpossibleItems(impossible.size());
    String items = impossible.isEmpty() ? "6项均能自主完成" : impossible.stream().map(SelfCareItem::label)
        .reduce((a, b) -> a + "、" + b).orElse("") + "不能自主完成";
    boolean again = "Task_Reinvestigate".equals(task.getTaskDefinitionKey());
    record(task, again ? "REINVESTIGATION" : "INVESTIGATION", (again ? "公示异议后重新调查" : "入户调查") + "（调查人员："
        + investigators + "）。生活自理能力评估：" + items + "，" + level.label() + "；" + supporter.label() + "；"
        + schooling.label() + "。" + note);
    task.setVariable(CARE_LEVEL_LABEL, level.label());
    task.setVariable(INVESTIGATED_BY, actor(task));
    if (again) {
      task.setVariable(PRELIMINARY_FROM, Date.from(EngineContext.now()));
    }
  }

  private void appraisal(DelegateTask task) {
    String result = oneOf(task, "appraisalResult", "评议结果", "AGREE", "DISAGREE");
    String note = text(task, "appraisalNote", "评议情况", 2000);
    record(task, "APPRAISAL", "民主评议：" + ("AGREE".equals(result) ? "多数同意" : "多数不同意") + "。" + note);
  }

  private void preliminary(DelegateTask task) {
    String decision = oneOf(task, PRELIMINARY_DECISION, "初审意见", "APPROVE", "REJECT");
    String opinion = text(task, "preliminaryOpinion", "初审说明", 2000);
    if ("REJECT".equals(decision) && opinion.length() < 5) {
      throw new TekunFormException("preliminaryOpinion", "不同意的须写明理由（至少5个字），理由将书面告知申请人");
    }
    String user = actor(task);
    if (user != null && user.equals(task.getVariable(INVESTIGATED_BY))) {
      throw new TekunFormException(PRELIMINARY_DECISION, "初审须由调查记录人以外的另一人办理");
    }
    record(task, "PRELIMINARY", ("APPROVE".equals(decision) ? "乡镇（街道）初审同意，公示：" : "乡镇（街道）初审不同意：")
        + opinion);
    task.setVariable(PRELIMINARY_BY, user);
  }

  private void objection(DelegateTask task) {
    String objector = text(task, "objectorName", "异议人", 50);
    String content = text(task, "objectionContent", "异议内容", 2000);
    if (content.length() < 5) {
      throw new TekunFormException("objectionContent", "请写明异议的具体内容（至少5个字）");
    }
    record(task, "OBJECTION", "公示期间收到异议（异议人：" + objector + "）：" + content + "。重新调查后重新初审。");
  }

  private void spotCheck(DelegateTask task) {
    String result = oneOf(task, "spotCheckResult", "抽查结论", "CONSISTENT", "INCONSISTENT");
    String findings = text(task, "spotCheckFindings", "抽查情况", 2000);
    if (findings.length() < 5) {
      throw new TekunFormException("spotCheckFindings", "请写明入户抽查的情况（至少5个字）");
    }
    record(task, "SPOT_CHECK", "县级入户抽查：" + ("CONSISTENT".equals(result) ? "与乡镇调查一致" : "与乡镇调查不一致")
        + "。" + findings);
  }

  private void confirm(DelegateTask task) {
    String decision = oneOf(task, DECISION, "审核确认", "APPROVE", "REJECT");
    String user = actor(task);
    if (user == null) {
      throw new TekunFormException(DECISION, "无法确定审核确认人，请登录后办理");
    }
    if (user.equals(task.getVariable(REGISTERED_BY)) || user.equals(task.getVariable(INVESTIGATED_BY))
        || user.equals(task.getVariable(PRELIMINARY_BY))) {
      throw new TekunFormException(DECISION, "审核确认须由登记人、调查记录人和初审人以外的另一人办理（四眼原则）");
    }
    String reasons = optional(task, "decisionReasons");
    if ("REJECT".equals(decision) && (reasons == null || reasons.length() < 5)) {
      throw new TekunFormException("decisionReasons", "不予认定须写明理由（至少5个字），理由将书面告知申请人");
    }
    if (reasons != null && reasons.length() > 2000) {
      throw new TekunFormException("decisionReasons", "“审核确认意见”最多2000个字，现有" + reasons.length() + "个字");
    }
    long id = caseId(task);
    if ("APPROVE".equals(decision) && cases.countRecords(id, "SPOT_CHECK") == 0
        && Boolean.TRUE.equals(task.getVariable(SPOT_CHECKED))) {
      throw new TekunFormException(DECISION, "本案被抽中县级入户抽查，抽查完成前不能确认");
    }
    record(task, "CONFIRMATION", ("APPROVE".equals(decision) ? "审核确认：认定为特困人员，自次月起供养" : "审核确认：不予认定")
        + (reasons == null ? "" : "。" + reasons));
    task.setVariable(DECIDED_BY, user);
    task.setVariable(DECIDED_ON, EngineContext.today().toString());
  }

  private void delivery(DelegateTask task) {
    String on = text(task, "deliveredOn", "送达日期", 10);
    LocalDate day;
    try {
      day = LocalDate.parse(on);
    } catch (DateTimeParseException e) {
      throw new TekunFormException("deliveredOn", "送达日期应为 yyyy-MM-dd");
    }
    if (day.isAfter(EngineContext.today())) {
      throw new TekunFormException("deliveredOn", "送达日期不能晚于今天");
    }
    String method = oneOf(task, "deliveryMethod", "送达方式", "IN_PERSON", "POST", "GUARDIAN");
    record(task, "DELIVERED", "不予认定通知书已于" + day + "送达（" + switch (method) {
      case "IN_PERSON" -> "直接送达本人";
      case "POST" -> "邮寄送达";
      default -> "送达监护人";
    } + "）");
  }

  private void record(DelegateTask task, String kind, String content) {
    cases.insertRecord(caseId(task), kind, content, null, actor(task), EngineContext.now());
  }

  private static long caseId(DelegateTask task) {
    return Cases.caseId(task.getExecution());
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
