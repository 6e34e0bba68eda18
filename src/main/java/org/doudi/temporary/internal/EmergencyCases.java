package org.doudi.temporary.internal;

import static org.doudi.temporary.TemporaryVariables.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.doudi.calendar.Deadlines;
import org.doudi.engine.ProcessBean;
import org.doudi.identity.CaseVariables;
import org.doudi.temporary.TemporaryVariables;
import org.doudi.identity.Role;
import org.doudi.payment.Channel;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payee;
import org.doudi.payment.PaymentRequest;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.region.Region;
import org.doudi.temporary.TemporarySettings;
import org.doudi.temporary.persistence.TemporaryRepository;

/**
 * The steps of {@code emergency-assistance} (急难型, 先行救助; 吉民发〔2020〕40号 四(一)(二)): register the report at the
 * township where the emergency happened (no 户籍 condition), pay at once from the township reserve fund (备用金), wait
 * until the emergency eased, then 补齐手续 with a working-day deadline, reminder and escalation. Today's model calls the
 * steps through {@link EmergencyDelegates}; older model versions by expression.
 */
@ProcessBean("temporaryEmergency")
public class EmergencyCases {

  static final String[] CAUSE_KINDS = {"ACCIDENT", "ILLNESS", "DISASTER", "FIRE", "OTHER"};
  static final String[] CHANNELS = {"COUNTER", "PHONE", "API"};

  private final CaseSupport support;
  private final TemporaryRepository records;
  private final Payments payments;
  private final Deadlines deadlines;
  private final TemporarySettings settings;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final TemporaryNotices notices;

  public EmergencyCases(CaseSupport support, TemporaryRepository records, Payments payments, Deadlines deadlines,
      TemporarySettings settings, org.springframework.context.ApplicationEventPublisher events,
      TemporaryNotices notices) {
    this.notices = notices;
    this.events = events;
    this.support = support;
    this.records = records;
    this.payments = payments;
    this.deadlines = deadlines;
    this.settings = settings;
  }

  /** The idempotency key of the one 先行救助 payment of a case. */
  public static String paymentKey(String processInstanceId) {
    return "temporary:EMERGENCY:" + processInstanceId + ":1";
  }

  /**
   * 登记急难情况 (start transaction): every value checked; a refusal starts nothing and stores nothing. The reporter
   * must be a township (or county) caseworker of the place where the emergency happened.
   */
  public void register(DelegateExecution execution) {
    Values v = new Values(execution);
    Region region = support.caseRegion(execution, v, "急难发生地");
    String by = Values.str(execution, REPORTED_BY);
    if (by == null) {
      by = Values.currentUser();
    }
    support.requireJurisdiction(by, region.code(), Role.TOWNSHIP_CASEWORKER, Role.COUNTY_CASEWORKER);
    String channel = v.string(REPORT_CHANNEL) == null ? "COUNTER" : v.oneOf(REPORT_CHANNEL, "报告方式", CHANNELS);
    String name = v.text(RECIPIENT_NAME, "救助对象姓名", 50);
    String id = v.idNumber(RECIPIENT_ID_NUMBER, "救助对象身份证号码");
    String phone = v.phone(RECIPIENT_PHONE, "联系电话");
    String hukou = v.optionalText(HUKOU_PLACE, "户籍地（仅登记，不作为条件）", 100);
    String causeKind = v.oneOf(CAUSE_KIND, "急难类型", CAUSE_KINDS);
    String cause = v.text(CAUSE, "急难情况说明", 2000);
    BigDecimal amount = v.money(AMOUNT, "救助金额（元）");
    boolean exceptional = v.flag(EXCEPTIONAL);
    LocalDate easing = v.optionalDate(TemporaryVariables.EASING_EXPECTED_ON, "预计急难缓解日期");
    LocalDate today = Values.today();
    if (easing != null && easing.isBefore(today)) {
      throw new TemporaryFormException(TemporaryVariables.EASING_EXPECTED_ON, "预计急难缓解日期" + easing + "不能早于今天");
    }
    Date easingAt = easing == null ? deadlines.workingDays(settings.getEasingDefaultWorkingDays())
        : Values.toDate(easing, 17);
    Instant now = Values.now();
    execution.setVariable(CASE_KIND, "EMERGENCY");
    execution.setVariable(REPORT_CHANNEL, channel);
    execution.setVariable(RECIPIENT_NAME, name);
    execution.setVariable(RECIPIENT_ID_NUMBER, id);
    execution.setVariable(RECIPIENT_PHONE, phone);
    execution.setVariable(HUKOU_PLACE, hukou);
    execution.setVariable(CAUSE, cause);
    execution.setVariable(AMOUNT, amount.toPlainString());
    execution.setVariable(EXCEPTIONAL, exceptional);
    execution.setVariable(EASING_EXPECTED_AT, easingAt);
    execution.setVariable(REPORTED_BY, by == null ? "system" : by);
    execution.setVariable(REPORTED_AT, Date.from(now));
    execution.removeVariable(TemporaryVariables.EASING_EXPECTED_ON);
    execution.setProcessBusinessKey("EMERGENCY-" + execution.getProcessInstanceId());
    records.insertCase(new TemporaryRepository.NewCase(execution.getProcessInstanceId(), "EMERGENCY", channel,
        region.code(), Values.str(execution, COUNTY_CODE), name, id, phone, hukou, causeKind, cause, amount,
        exceptional, "REPORTED", now, by == null ? "system" : by));
  }

  /**
   * 备用金当场发放: one ledger row (RESERVE_FUND, PAID) with the case's key, in the job's transaction. A retried job
   * finds the row by its key ({@link Payments#record} returns the existing entry) and pays nobody twice.
   */
  public void pay(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    LocalDate day = ((Date) execution.getVariable(REPORTED_AT)).toInstant().atZone(Values.CHINA).toLocalDate();
    String id = Values.str(execution, RECIPIENT_ID_NUMBER);
    LedgerEntry e = payments.record(new PaymentRequest(paymentKey(pid), Scheme.TEMPORARY_EMERGENCY, pid,
        new Payee("P-" + id, Values.str(execution, RECIPIENT_NAME), id, null, null),
        Values.str(execution, COUNTY_CODE), Values.str(execution, CaseVariables.REGION_CODE), day, day,
        Values.decimal(execution, AMOUNT), Channel.RESERVE_FUND, null,
        "先行救助（乡镇备用金当场发放）"), PaymentStatus.PAID, Values.str(execution, REPORTED_BY));
    execution.setVariable(LEDGER_ID, e.id());
    records.markPaid(pid, Values.now());
    events.publishEvent(new org.doudi.temporary.TemporaryAssistancePaid(pid, "EMERGENCY", 1, id,
        Values.str(execution, RECIPIENT_NAME), Values.str(execution, COUNTY_CODE),
        Values.str(execution, CaseVariables.REGION_CODE), day, e.amount()));
  }

  /** 急难情况已缓解 (message, the worker's task, or the date set at registration). */
  public void eased(DelegateExecution execution) {
    Instant now = Values.now();
    execution.setVariable(EASED_AT, Date.from(now));
    String note = Values.str(execution, EASED_NOTE);
    records.markEased(execution.getProcessInstanceId(), now);
    records.event(execution.getProcessInstanceId(), "EASED",
        note == null ? "到达预计缓解日期" : note, now, Values.currentUser());
  }

  /** Create listener of 补齐手续: the deadline goes into the case row, where supervisors' lists read it. */
  public void paperworkCreated(DelegateTask task) {
    Date due = task.getDueDate();
    records.setPaperworkDue(task.getProcessInstanceId(), due == null ? null : due.toInstant());
  }

  /** Non-interrupting reminder before the deadline: recorded, the task moves up in Tasklist (priority 80). */
  public void remind(DelegateExecution execution) {
    Instant now = Values.now();
    records.markReminded(execution.getProcessInstanceId(), now);
    records.event(execution.getProcessInstanceId(), "REMINDED", "补齐手续即将到期，已提醒乡镇（街道）经办人", now, null);
    var taskService = execution.getProcessEngineServices().getTaskService();
    taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("Task_CompletePaperwork").list()
        .forEach(t -> taskService.setPriority(t.getId(), 80));
  }

  /** The deadline passed with the paperwork unfinished: recorded; the escalation task follows. */
  public void overdue(DelegateExecution execution) {
    Instant now = Values.now();
    records.markEscalated(execution.getProcessInstanceId(), now);
    records.event(execution.getProcessInstanceId(), "OVERDUE", "补齐手续逾期未完成，已报县级督办", now, null);
  }

  /** The paperwork is complete: the case closes. */
  public void close(DelegateExecution execution) {
    records.close(execution.getProcessInstanceId(), "CLOSED", Values.now());
    records.event(execution.getProcessInstanceId(), "CLOSED", "手续齐全，案件办结", Values.now(), null);
  }

  /** The county refused an emergency grant above the township's authority: nothing was paid. */
  public void rejected(DelegateExecution execution) {
    records.close(execution.getProcessInstanceId(), "REJECTED", Values.now());
    notices.refused(execution, "急难型");
  }
}
