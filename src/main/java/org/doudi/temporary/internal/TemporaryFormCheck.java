package org.doudi.temporary.internal;

import static org.doudi.temporary.TemporaryVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.document.Documents;
import org.doudi.document.MaterialChecklist;
import org.doudi.engine.ProcessBean;
import org.doudi.temporary.persistence.TemporaryRepository;

/**
 * Server-side check of every 临时救助 task form (Tasklist checks only in the browser), as the complete listener of each
 * user task. A refused value throws {@link TemporaryFormException}: the completion is rolled back, the task stays open
 * and nothing is recorded. Accepted decisions and the 补齐手续 record are written here, in the completing transaction.
 */
@ProcessBean("temporaryFormCheck")
public class TemporaryFormCheck implements TaskListener {

  /** 支出型 受理 materials (form field → what the applicant must bring). */
  static final Map<String, String> MATERIALS = new LinkedHashMap<>();

  static {
    MATERIALS.put("materialApplication", "临时救助申请书");
    MATERIALS.put("materialIdentity", "居民身份证、户口簿或居住证");
    MATERIALS.put("materialExpenseProof", "医疗、教育等刚性支出票据或证明");
    MATERIALS.put("materialAuthorisation", "家庭经济状况核对授权书（签字）");
    MATERIALS.put("materialPledge", "承诺书（签字）");
  }

  /** The 登记异议 step of {@code expenditure-assistance} (absent in model versions before issue 20). */
  static final String RECORD_OBJECTION_STEP = "ServiceTask_RecordObjection";

  private final TemporaryRepository records;
  private final Documents documents;
  private final ExpenditureObjections objections;

  public TemporaryFormCheck(TemporaryRepository records, Documents documents, ExpenditureObjections objections) {
    MaterialChecklist.TEMPORARY_EXPENDITURE.requireFields(MATERIALS.keySet());
    this.records = records;
    this.documents = documents;
    this.objections = objections;
  }

  @Override
  public void notify(DelegateTask task) {
    Values f = new Values(task);
    String pid = task.getProcessInstanceId();
    switch (task.getTaskDefinitionKey()) {
      case "Task_AwaitEasing" -> {
        LocalDate d = f.date("easedOn", "急难缓解日期");
        notFuture("easedOn", "急难缓解日期", d);
        task.setVariable(EASED_NOTE, d + " 缓解：" + f.text(EASED_NOTE, "缓解情况说明", 1000));
      }
      case "Task_CompletePaperwork" -> paperwork(f, task, pid);
      case "Task_SuperviseOverduePaperwork" -> {
        String action = f.oneOf("supervisionAction", "督办措施", "URGED", "REASSIGNED", "OTHER");
        String note = f.text("supervisionNote", "督办情况说明", 1000);
        records.event(pid, "ESCALATION_HANDLED", action + "：" + note, Values.now(), actor(task));
      }
      case "Task_CountyApproveEmergency", "Task_CountyApproval" -> decision(f, task, pid, "COUNTY");
      case "Task_TownshipApproval" -> decision(f, task, pid, "TOWNSHIP");
      case "Task_AcceptApplication" -> {
        List<String> missing = new ArrayList<>();
        List<String> ticked = new ArrayList<>();
        MATERIALS.forEach((field, label) -> {
          if (f.flag(field)) {
            ticked.add(field);
          } else {
            missing.add(label);
          }
        });
        // a ticked item needs a scanned file of its kind on the case (docs/documents.md)
        List<Documents.UnbackedItem> unbacked = documents.unbackedChecklistItems(pid,
            MaterialChecklist.TEMPORARY_EXPENDITURE, ticked);
        if (!unbacked.isEmpty()) {
          throw new TemporaryFormException(unbacked.get(0).field(), Documents.refusal(unbacked, MATERIALS));
        }
        f.optionalText("acceptanceNote", "受理说明", 500);
        task.setVariable(MATERIALS_COMPLETE, missing.isEmpty());
        task.setVariable(MISSING_MATERIALS, String.join("、", missing));
      }
      case "Task_InvestigateHousehold" -> {
        String a = f.text("investigator1", "调查人员一", 50);
        String b = f.text("investigator2", "调查人员二", 50);
        if (a.equalsIgnoreCase(b)) {
          throw new TemporaryFormException("investigator2", "调查人员不少于2人：两名调查人员不能是同一人（" + a + "）");
        }
        f.ticked("investigatorsSigned", "调查记录须由两名调查人员签字");
        notFuture("investigationDate", "调查日期", f.date("investigationDate", "调查日期"));
        f.text("investigationFindings", "调查情况（困难程度、刚性支出核实）", 2000);
      }
      case "Task_ProposeAssistance" -> proposal(f, task);
      case "Task_PublicNotice" -> publicNoticeObjection(f, task, pid);
      case "Task_ConfirmBatch" -> {
        String d = f.oneOf("batchDecision", "确认结果", "CONFIRM", "CANCEL");
        task.setVariable(BATCH_CONFIRMED, "CONFIRM".equals(d));
        f.optionalText("batchNote", "说明", 500);
      }
      default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
    }
  }

  /**
   * The caseworker registers an objection in the 公示 task: checked here, stored by the model's 登记异议 step
   * ({@link ExpenditureObjections}), which the applicant's online objection reaches as well. A model version from
   * before that step stores it here.
   */
  private void publicNoticeObjection(Values f, DelegateTask task, String pid) {
    task.setVariable(OBJECTOR_NAME, f.text(OBJECTOR_NAME, "异议人姓名", 50));
    task.setVariable(OBJECTION_CONTENT, f.text(OBJECTION_CONTENT, "异议内容", 2000));
    task.setVariable(OBJECTION_SOURCE, ExpenditureObjections.SOURCE_TASKLIST);
    task.setVariable(OBJECTION_FILED_BY, actor(task));
    if (task.getBpmnModelInstance().getModelElementById(RECORD_OBJECTION_STEP) == null) {
      if ("EXPENDITURE".equals(Values.str(task, CASE_KIND))) {
        objections.record(task.getExecution(), pid);
      } else {
        records.event(pid, "OBJECTION", f.string(OBJECTOR_NAME) + "：" + f.string(OBJECTION_CONTENT), Values.now(),
            actor(task));
      }
    }
  }

  private void paperwork(Values f, DelegateTask task, String pid) {
    f.ticked("recipientRegistered", "须登记救助对象信息（姓名、身份证号码、联系方式）");
    String cause = f.text("paperworkCause", "救助事由", 2000);
    BigDecimal confirmed = f.money("amountConfirmed", "救助金额（元）");
    BigDecimal paid = Values.decimal(task, AMOUNT);
    if (confirmed.compareTo(paid) != 0) {
      throw new TemporaryFormException("amountConfirmed", "登记的救助金额" + confirmed + "元与备用金实际发放的" + paid
          + "元不一致；金额不能在补齐手续时更改，差错请另行更正");
    }
    String handler = f.text("handlerName", "经办人", 50);
    f.ticked("handlerSigned", "须经办人签字");
    String reviewer = f.text("reviewerName", "审核人（乡镇（街道）负责人）", 50);
    if (reviewer.equalsIgnoreCase(handler)) {
      throw new TemporaryFormException("reviewerName", "审核人不能与经办人（" + handler + "）是同一人");
    }
    f.ticked("reviewerSigned", "须审核人签字");
    f.ticked("townshipStamped", "须加盖乡镇（街道）公章");
    f.ticked("receiptSigned", "须有救助对象（或代领人）签字的领款凭证");
    String note = f.optionalText("paperworkNote", "备注", 2000);
    records.insertPaperwork(pid, new TemporaryRepository.Paperwork(true, cause, confirmed, handler, true, reviewer,
        true, true, true, note), Values.now(), actor(task));
  }

  private void proposal(Values f, DelegateTask task) {
    String o = f.oneOf(PROPOSAL_OPINION, "审核意见", "APPROVE", "REJECT");
    String notes = f.text("proposalNotes", "审核意见说明", 2000);
    task.setVariable(EXCEPTIONAL, f.flag(EXCEPTIONAL));
    if ("REJECT".equals(o)) {
      if (notes.length() < 5) {
        throw new TemporaryFormException("proposalNotes", "不同意救助须写明理由（至少5个字）");
      }
      return;
    }
    BigDecimal amount = f.money(AMOUNT, "救助总金额（元）");
    BigDecimal expense = Values.decimal(task, "expenseAmount");
    if (amount.compareTo(expense) > 0) {
      throw new TemporaryFormException(AMOUNT, "救助总金额" + amount + "元不能超过核实的刚性支出" + expense + "元");
    }
    int count = f.integer(INSTALMENT_COUNT, "发放期数", 1, 12);
    int interval = count == 1 && f.string(INTERVAL_MONTHS) == null ? 1 : f.integer(INTERVAL_MONTHS, "发放间隔（月）", 1, 6);
    LocalDate first = f.date(FIRST_PAYMENT_DATE, "首期发放日期");
    if (first.isBefore(Values.today())) {
      throw new TemporaryFormException(FIRST_PAYMENT_DATE, "首期发放日期" + first + "不能早于今天");
    }
    if (amount.divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.DOWN).signum() <= 0) {
      throw new TemporaryFormException(INSTALMENT_COUNT, "每期金额须大于0元");
    }
    task.setVariable(AMOUNT, amount.toPlainString());
    task.setVariable(INSTALMENT_COUNT, count);
    task.setVariable(INTERVAL_MONTHS, interval);
    task.setVariable(FIRST_PAYMENT_DATE, first.toString());
  }

  private void decision(Values f, DelegateTask task, String pid, String authority) {
    String d = f.oneOf(DECISION, "审核确认决定", "APPROVE", "REJECT");
    String reasons = f.optionalText(DECISION_REASONS, "决定理由", 2000);
    if ("REJECT".equals(d) && (reasons == null || reasons.length() < 5)) {
      throw new TemporaryFormException(DECISION_REASONS, "不予救助须写明理由（至少5个字）");
    }
    if ("APPROVE".equals(d) && "false".equals(String.valueOf(task.getVariable(CHECK_PASSED)))
        && (reasons == null || reasons.length() < 5)) {
      throw new TemporaryFormException(DECISION_REASONS, "信息核对发现与申报不符，批准救助须写明理由（至少5个字）");
    }
    if ("APPROVE".equals(d) && "REJECT".equals(String.valueOf(task.getVariable(PROPOSAL_OPINION)))) {
      throw new TemporaryFormException(DECISION, "乡镇（街道）审核意见为不同意救助，且没有救助方案，不能批准；请退回重新调查后再报");
    }
    LocalDate discussionDate = null;
    String participants = null;
    String minutes = null;
    if (Values.bool(task, COLLECTIVE_DISCUSSION_REQUIRED)) {
      discussionDate = f.date("discussionDate", "集体研究日期");
      notFuture("discussionDate", "集体研究日期", discussionDate);
      participants = f.text("discussionParticipants", "参加集体研究人员", 500);
      if (participants.split("[、,，;；\\s]+").length < 3) {
        throw new TemporaryFormException("discussionParticipants", "一事一议须集体研究，参加人员至少3人（以顿号分隔）");
      }
      minutes = f.text("discussionMinutes", "集体研究纪要", 4000);
    }
    String by = actor(task);
    task.setVariable(DECIDED_BY, by);
    boolean expenditure = "EXPENDITURE".equals(Values.str(task, CASE_KIND));
    records.insertDecision(pid, new TemporaryRepository.Decision(d, authority, Values.decimal(task, AMOUNT),
        expenditure && "APPROVE".equals(d) ? Values.number(task, INSTALMENT_COUNT) : null,
        expenditure && "APPROVE".equals(d) ? Values.number(task, INTERVAL_MONTHS) : null, reasons, discussionDate,
        participants, minutes, Values.str(task, AUTHORITY_BASIS)), Values.now(), by);
  }

  private static void notFuture(String key, String label, LocalDate d) {
    if (d.isAfter(Values.today())) {
      throw new TemporaryFormException(key, "“" + label + "”" + d + "不能晚于今天");
    }
  }

  private static String actor(DelegateTask task) {
    String user = Values.currentUser();
    return user != null ? user : task.getAssignee();
  }
}
