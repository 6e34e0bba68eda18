package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.document.Documents;
import org.doudi.document.MaterialChecklist;
import org.doudi.engine.ProcessBean;

/**
 * Server-side validation of every dibao task form (Tasklist checks only in the browser), as the complete listener of
 * each user task. A refused value throws {@link DibaoFormException}: the completion is rolled back and the task stays
 * open. Derived values the process needs (missing materials, labels, who decided) are set here as well.
 */
@ProcessBean("dibaoFormCheck")
public class FormCheck implements TaskListener {

  /** The materials checklist of 受理 (form field → what the notice lists). */
  static final Map<String, String> MATERIALS = new LinkedHashMap<>();

  static {
    MATERIALS.put("materialIdentity", "申请人及家庭成员身份证、户口簿");
    MATERIALS.put("materialIncome", "家庭收入情况说明");
    MATERIALS.put("materialAssets", "家庭财产状况说明");
    MATERIALS.put("materialAuthorisation", "家庭经济状况核对授权书（签字）");
    MATERIALS.put("materialPledge", "承诺书（签字）");
    MATERIALS.put("materialDisabilityProof", "残疾证、诊断证明等重病重残证明材料");
  }

  private final Documents documents;

  /** The checklist field whose notice label is {@code label} (as 一次性告知 lists it), or null. */
  public static String fieldOfLabel(String label) {
    return MATERIALS.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey).findFirst()
        .orElse(null);
  }

  public FormCheck(Documents documents) {
    MaterialChecklist.DIBAO.requireFields(MATERIALS.keySet());
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    Form f = new Form(task);
    switch (task.getTaskDefinitionKey()) {
      case "Task_AcceptApplication" -> accept(f, task);
      case "Task_AwaitMaterials" -> {
        f.oneOf(MATERIALS_OUTCOME, "结果", "SUPPLIED", "WITHDRAWN");
        f.optionalText("materialsNote", "说明", 500);
      }
      case "Task_StartInvestigation" -> startInvestigation(f, task);
      case "Task_InvestigateHousehold", "Task_Reinvestigate" -> investigation(f);
      case "Task_RecordCheckResponse" -> {
        String r = f.oneOf(CHECK_RESPONSE, "申请人意见", "ACCEPTS", "OBJECTS");
        if ("OBJECTS".equals(r)) {
          f.text("checkObjectionEvidence", "申请人提供的证据和理由", 2000);
        } else {
          f.optionalText("checkObjectionEvidence", "申请人提供的证据和理由", 2000);
        }
      }
      case "Task_RecheckInformation" -> {
        f.oneOf(RECHECK_OUTCOME, "复查结论", "DECLARATION_CONFIRMED", "CHECK_CONFIRMED");
        f.text("recheckNotes", "复查情况说明", 2000);
      }
      case "Task_DemocraticAppraisal" -> appraisal(f);
      case "Task_PreliminaryReview" -> {
        String o = f.oneOf(PRELIMINARY_OPINION, "初审意见", "APPROVE", "REJECT");
        f.text("preliminaryNotes", "初审意见说明", 2000);
        if ("APPROVE".equals(o) && "INELIGIBLE".equals(f.string(ELIGIBILITY_OUTCOME))) {
          throw new DibaoFormException(PRELIMINARY_OPINION,
              "评估结论为不符合低保条件，初审不能提出同意意见；如认为调查或核对结果有误，请先重新调查");
        }
        task.setVariable(PRELIMINARY_OPINION_LABEL, "APPROVE".equals(o) ? "同意" : "不同意");
      }
      case "Task_PublicNotice" -> {
        f.text(OBJECTOR_NAME, "异议人姓名", 50);
        f.phone(OBJECTOR_PHONE, "异议人联系电话");
        f.text(OBJECTION_CONTENT, "异议内容", 2000);
        task.setVariable(OBJECTION_SOURCE, "TASKLIST");
        task.setVariable(OBJECTION_FILED_BY, actor(task));
      }
      case "Task_HandleObjection" -> {
        f.oneOf(OBJECTION_HANDLING, "处理方式", "REINVESTIGATE", "APPRAISAL");
        f.text("objectionNotes", "处理说明", 2000);
      }
      case "Task_CountyHomeVisit" -> {
        f.twoPeople("countyVisitor1", "countyVisitor2");
        f.oneOf("countyVisitFinding", "调查结论", "CONFIRMS", "DIFFERS");
        f.text("countyVisitNotes", "调查情况", 2000);
      }
      case "Task_ConfirmApplication" -> {
        String d = f.oneOf(DECISION, "审核确认决定", "APPROVE", "REJECT");
        if ("REJECT".equals(d)) {
          String reasons = f.text(DECISION_REASONS, "决定理由", 2000);
          if (reasons.length() < 5) {
            throw new DibaoFormException(DECISION_REASONS, "不予确认同意须写明理由（至少5个字），理由将写入书面告知书");
          }
        } else {
          f.optionalText(DECISION_REASONS, "决定理由", 2000);
          if ("INELIGIBLE".equals(f.string(ELIGIBILITY_OUTCOME))) {
            throw new DibaoFormException(DECISION, "评估结论为不符合低保条件，不能确认同意；请选择不予确认同意并写明理由");
          }
        }
        task.setVariable(Decisions.DECIDED_BY, actor(task));
      }
      case "Task_ReviewOverallDeadline" -> {
        boolean extend = f.flag(EXTEND_DEADLINE);
        task.setVariable(EXTEND_DEADLINE, extend);
        if (extend) {
          if (f.flag(EXTENDED)) {
            throw new DibaoFormException(EXTEND_DEADLINE, "办结时限已经延长到45个工作日，不能再次延长");
          }
          f.oneOf(EXTENSION_GROUND, "延期事由", "OBJECTION", "SEPARATED_RESIDENCE", "OUT_OF_AREA",
              "HARD_INVESTIGATION");
          f.text(EXTENSION_REASON, "延期理由", 1000);
        }
      }
      case "Task_DeliverRejectionNotice" -> {
        LocalDate d = f.date("deliveredOn", "送达日期");
        if (d.isAfter(CaseContext.today())) {
          throw new DibaoFormException("deliveredOn", "送达日期" + d + "不能晚于今天");
        }
        f.oneOf("deliveryMethod", "送达方式", "IN_PERSON", "POST", "AGENT");
        f.text("deliveryRecipient", "签收人", 50);
      }
      default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
    }
  }

  private void accept(Form f, DelegateTask task) {
    boolean needsProof = f.flag(NEEDS_DISABILITY_PROOF);
    List<String> missing = new ArrayList<>();
    List<String> ticked = new ArrayList<>();
    MATERIALS.forEach((field, label) -> {
      boolean required = !field.equals("materialDisabilityProof") || needsProof;
      if (f.flag(field)) {
        ticked.add(field);
      } else if (required) {
        missing.add(label);
      }
    });
    // the checklist is backed by the scanned files of the case (docs/documents.md)
    List<Documents.UnbackedItem> unbacked = documents.unbackedChecklistItems(task.getProcessInstanceId(),
        MaterialChecklist.DIBAO, ticked);
    if (!unbacked.isEmpty()) {
      throw new DibaoFormException(unbacked.get(0).field(), Documents.refusal(unbacked, MATERIALS));
    }
    f.optionalText("acceptanceNote", "受理说明", 500);
    task.setVariable(MATERIALS_COMPLETE, missing.isEmpty());
    task.setVariable(MISSING_MATERIALS, String.join("、", missing));
  }

  /**
   * 启动入户调查 (第15条): two different investigators (第16条) and the planned visit; the moment of completion is the
   * start, late when it is after the task's due date (3 working days after 受理, moved by clock stops).
   */
  private static void startInvestigation(Form f, DelegateTask task) {
    f.twoPeople("investigator1", "investigator2");
    LocalDate planned = f.date("plannedVisitDate", "计划入户日期");
    if (planned.isBefore(CaseContext.today())) {
      throw new DibaoFormException("plannedVisitDate", "计划入户日期" + planned + "不能早于今天");
    }
    f.optionalText("investigationPlan", "调查安排", 1000);
    java.time.Instant now = CaseContext.now();
    task.setVariable(INVESTIGATION_STARTED_AT, java.util.Date.from(now));
    task.setVariable(INVESTIGATION_STARTED_BY, actor(task));
    task.setVariable(INVESTIGATION_START_LATE, task.getDueDate() != null && now.isAfter(task.getDueDate().toInstant()));
  }

  private static void investigation(Form f) {
    f.twoPeople("investigator1", "investigator2");
    if (!f.flag("investigatorsSigned")) {
      throw new DibaoFormException("investigatorsSigned", "入户调查表须由调查人员签字（《最低生活保障审核确认办法》第十六条），请确认调查人员已签字");
    }
    if (!f.flag("familySigned")) {
      throw new DibaoFormException("familySigned", "入户调查表须由在场家庭成员签字（《最低生活保障审核确认办法》第十六条），请确认家庭成员已签字");
    }
    LocalDate d = f.date("investigationDate", "调查日期");
    if (d.isAfter(CaseContext.today())) {
      throw new DibaoFormException("investigationDate", "调查日期" + d + "不能晚于今天");
    }
    Object started = f.task.getVariable(INVESTIGATION_STARTED_AT);
    if (started instanceof java.util.Date s
        && d.isBefore(s.toInstant().atZone(CaseContext.CHINA).toLocalDate())) {
      throw new DibaoFormException("investigationDate", "调查日期" + d + "不能早于启动调查的日期"
          + s.toInstant().atZone(CaseContext.CHINA).toLocalDate());
    }
    f.text("livingConditions", "居住和生活状况", 2000);
    f.text("neighbourhoodNotes", "邻里访问情况", 2000);
  }

  private static void appraisal(Form f) {
    f.date("appraisalDate", "评议日期");
    int participants = f.integer("appraisalParticipants", "参加人数", 1, 500);
    int representatives = f.integer("appraisalRepresentatives", "村（居）民代表人数", 0, 500);
    if (representatives > participants) {
      throw new DibaoFormException("appraisalRepresentatives", "村（居）民代表人数（" + representatives + "）不能多于参加人数（"
          + participants + "）");
    }
    if (representatives * 3 < participants * 2) {
      throw new DibaoFormException("appraisalRepresentatives", "村（居）民代表须不少于参加人数的三分之二：" + participants
          + "人参加，至少需要" + ((participants * 2 + 2) / 3) + "名代表，实际" + representatives + "名");
    }
    f.oneOf("appraisalResult", "评议结果", "AGREE", "DISAGREE");
    f.text("appraisalNotes", "评议情况记录", 2000);
  }

  private static String actor(DelegateTask task) {
    String user = CaseContext.currentUser();
    return user != null ? user : task.getAssignee();
  }

  /** Reads and checks one submitted value at a time; every refusal names the field in Chinese. */
  static final class Form {
    private final DelegateTask task;

    Form(DelegateTask task) {
      this.task = task;
    }

    String string(String key) {
      Object v = task.getVariable(key);
      return v == null ? null : v.toString().strip();
    }

    /** A checkbox: absent = not ticked; anything but true/false is refused, not read as "no". */
    boolean flag(String key) {
      Object v = task.getVariable(key);
      if (v == null || v instanceof Boolean) {
        return Boolean.TRUE.equals(v);
      }
      String s = v.toString().strip();
      if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(s);
      }
      throw new DibaoFormException(key, "“" + key + "”只能是“是”或“否”，收到的是：" + abbreviate(s));
    }

    private static String abbreviate(String s) {
      return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }

    String text(String key, String label, int max) {
      String s = string(key);
      if (s == null || s.isEmpty()) {
        throw new DibaoFormException(key, "请填写“" + label + "”");
      }
      if (s.length() > max) {
        throw new DibaoFormException(key, "“" + label + "”最多" + max + "个字，现有" + s.length() + "个字");
      }
      return s;
    }

    void optionalText(String key, String label, int max) {
      String s = string(key);
      if (s != null && s.length() > max) {
        throw new DibaoFormException(key, "“" + label + "”最多" + max + "个字，现有" + s.length() + "个字");
      }
    }

    void phone(String key, String label) {
      String s = string(key);
      if (s != null && !s.isEmpty() && !s.matches("[0-9+\\- ]{7,20}")) {
        throw new DibaoFormException(key, "“" + label + "”" + s + "不是有效的电话号码");
      }
    }

    String oneOf(String key, String label, String... allowed) {
      String s = string(key);
      if (s == null || s.isEmpty()) {
        throw new DibaoFormException(key, "请选择“" + label + "”");
      }
      if (!Set.of(allowed).contains(s)) {
        throw new DibaoFormException(key, "“" + label + "”的值" + s + "无效，可选：" + String.join("、", allowed));
      }
      return s;
    }

    LocalDate date(String key, String label) {
      String s = text(key, label, 30);
      try {
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
      } catch (DateTimeParseException e) {
        throw new DibaoFormException(key, "“" + label + "”" + s + "不是有效日期（格式 2026-03-02）");
      }
    }

    int integer(String key, String label, int min, int max) {
      Object v = task.getVariable(key);
      if (v == null || v.toString().isBlank()) {
        throw new DibaoFormException(key, "请填写“" + label + "”");
      }
      int n;
      try {
        n = new java.math.BigDecimal(v.toString().strip()).intValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw new DibaoFormException(key, "“" + label + "”须为整数，收到" + v);
      }
      if (n < min || n > max) {
        throw new DibaoFormException(key, "“" + label + "”须在" + min + "到" + max + "之间，收到" + n);
      }
      return n;
    }

    void twoPeople(String first, String second) {
      String a = text(first, "调查人员一", 50);
      String b = text(second, "调查人员二", 50);
      if (a.equalsIgnoreCase(b)) {
        throw new DibaoFormException(second, "调查人员不少于2人（《最低生活保障审核确认办法》第十六条）：两名调查人员不能是同一人（" + a + "）");
      }
    }
  }
}
