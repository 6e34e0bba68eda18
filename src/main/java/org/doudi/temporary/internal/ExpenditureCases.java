package org.doudi.temporary.internal;

import static org.doudi.temporary.TemporaryVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.checkplatform.CheckPlatform;
import org.doudi.checkplatform.CheckRequest;
import org.doudi.checkplatform.CheckResult;
import org.doudi.engine.ProcessBean;
import org.doudi.identity.CaseVariables;
import org.doudi.identity.Role;
import org.doudi.payment.Channel;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payee;
import org.doudi.payment.PaymentRequest;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.region.Region;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Holding;
import org.doudi.temporary.persistence.TemporaryRepository;
import org.doudi.temporary.persistence.TemporaryRepository.Instalment;
import org.doudi.temporary.TemporaryVariables;

/**
 * The steps of {@code expenditure-assistance} (支出型; 吉民发〔2020〕40号 四(二)): full procedure, then 一次审批、分次发放 —
 * the approved schedule is stored (temporary_instalment) and each instalment is paid by its own timer through the
 * payment ledger with the key {@code temporary:EXPENDITURE:<pid>:<n>}. Stopping ends the remaining instalments.
 * Today's model calls the steps through {@link ExpenditureDelegates}; older model versions by expression.
 */
@ProcessBean("temporaryExpenditure")
public class ExpenditureCases {

  static final String[] CAUSE_KINDS = {"MEDICAL", "EDUCATION", "OTHER_ESSENTIAL"};

  private final CaseSupport support;
  private final TemporaryRepository records;
  private final Payments payments;
  private final CheckPlatform platform;
  private final List<InstalmentPaymentHook> hooks;
  private final BenefitRegister register;
  private final org.springframework.context.ApplicationEventPublisher events;

  private final TemporaryNotices notices;

  public ExpenditureCases(CaseSupport support, TemporaryRepository records, Payments payments, CheckPlatform platform,
      List<InstalmentPaymentHook> hooks, BenefitRegister register,
      org.springframework.context.ApplicationEventPublisher events, TemporaryNotices notices) {
    this.notices = notices;
    this.register = register;
    this.events = events;
    this.support = support;
    this.records = records;
    this.payments = payments;
    this.platform = platform;
    this.hooks = hooks;
  }

  public static String paymentKey(String processInstanceId, int instalment) {
    return "temporary:EXPENDITURE:" + processInstanceId + ":" + instalment;
  }

  /** 登记申请 (start transaction): a refusal starts nothing and stores nothing. */
  public void register(DelegateExecution execution) {
    Values v = new Values(execution);
    Region region = support.caseRegion(execution, v, "申请人居住地（村、社区或乡镇）");
    String by = Values.str(execution, REPORTED_BY);
    if (by == null) {
      by = Values.currentUser();
    }
    // an online application (TemporaryApplications.applyOnline) comes from the citizen, who holds no jurisdiction
    boolean online = OnlineStarts.active();
    if (!online) {
      support.requireJurisdiction(by, region.code(), Role.VILLAGE_ASSISTANT, Role.TOWNSHIP_CASEWORKER,
          Role.COUNTY_CASEWORKER);
    }
    String channel = online ? "ONLINE" : "COUNTER";
    String name = v.text(RECIPIENT_NAME, "申请人姓名", 50);
    String id = v.idNumber(RECIPIENT_ID_NUMBER, "申请人身份证号码");
    String phone = v.phone(RECIPIENT_PHONE, "联系电话");
    String causeKind = v.oneOf(CAUSE_KIND, "支出类型", CAUSE_KINDS);
    String cause = v.text(CAUSE, "困难情况说明", 2000);
    BigDecimal expense = v.money("expenseAmount", "刚性支出金额（元）");
    BigDecimal amount = v.money(AMOUNT, "申请救助金额（元）");
    int members = v.integer("memberCount", "家庭人数", 1, 30);
    Object incomeValue = execution.getVariable(TemporaryVariables.HOUSEHOLD_MONTHLY_INCOME);
    BigDecimal income = incomeValue == null || incomeValue.toString().isBlank() ? BigDecimal.ZERO
        : nonNegative(incomeValue, "householdMonthlyIncome", "家庭月收入（元）");
    String bank = v.text(BANK_NAME, "开户银行", 100);
    String account = v.text(BANK_ACCOUNT_NUMBER, "银行账号", 30);
    if (!account.matches("\\d{10,30}")) {
      throw new TemporaryFormException(BANK_ACCOUNT_NUMBER, "银行账号须为10到30位数字，收到" + account);
    }
    v.ticked("authorisationSigned", "须有申请人签字的家庭经济状况核对授权书，才能进行信息核对");
    v.ticked("pledgeSigned", "须有申请人签字的承诺书（承诺所提供材料真实有效）");
    Instant now = Values.now();
    execution.setVariable(CASE_KIND, "EXPENDITURE");
    execution.setVariable(REPORT_CHANNEL, channel);
    execution.setVariable(RECIPIENT_NAME, name);
    execution.setVariable(RECIPIENT_ID_NUMBER, id);
    execution.setVariable(RECIPIENT_PHONE, phone);
    execution.setVariable(CAUSE, cause);
    execution.setVariable(TemporaryVariables.EXPENSE_AMOUNT, expense.toPlainString());
    execution.setVariable(AMOUNT, amount.toPlainString());
    execution.setVariable(TemporaryVariables.HOUSEHOLD_MONTHLY_INCOME, income.toPlainString());
    execution.setVariable(BANK_NAME, bank);
    execution.setVariable(BANK_ACCOUNT_NUMBER, account);
    execution.setVariable(EXCEPTIONAL, false);
    execution.setVariable(REPORTED_BY, by == null ? "system" : by);
    execution.setVariable(REPORTED_AT, Date.from(now));
    execution.setVariable(TemporaryVariables.MEMBER_COUNT, members);
    execution.setProcessBusinessKey("EXPENDITURE-" + execution.getProcessInstanceId());
    records.insertCase(new TemporaryRepository.NewCase(execution.getProcessInstanceId(), "EXPENDITURE", channel,
        region.code(), Values.str(execution, COUNTY_CODE), name, id, phone, null, causeKind, cause, amount, false,
        "APPLIED", now, by == null ? "system" : by));
  }

  private static BigDecimal nonNegative(Object value, String key, String label) {
    try {
      BigDecimal d = new BigDecimal(value.toString().strip());
      if (d.signum() < 0 || d.stripTrailingZeros().scale() > 2) {
        throw new NumberFormatException();
      }
      return d.setScale(2, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new TemporaryFormException(key, "“" + label + "”须为不小于0、最多两位小数的金额，收到" + value);
    }
  }

  /** 不予受理 (materials incomplete): recorded with the 一次性告知 list. */
  public void notAccepted(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    records.event(pid, "NOT_ACCEPTED", "材料不齐全，一次性告知需补齐：" + Values.str(execution, MISSING_MATERIALS),
        Values.now(), null);
    records.close(pid, "NOT_ACCEPTED", Values.now());
    notices.notAccepted(execution);
  }

  /**
   * 查询低保、特困身份 (四(二) “对低保对象、特困人员，不再进行家庭收入和财产状况核查，重点核实其生活必须支出情况”): the
   * province's register decides, not a form flag. A person in an approved or paid 低保/特困 household is a recipient;
   * one whose application is still in progress is not.
   */
  public void lookUpBasicLiving(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    Holding h = register.find(Values.str(execution, RECIPIENT_ID_NUMBER))
        .filter(x -> x.status() == Holding.Status.APPROVED || x.status() == Holding.Status.ACTIVE).orElse(null);
    boolean recipient = h != null;
    boolean before = Values.bool(execution, BASIC_LIVING_RECIPIENT);
    execution.setVariable(BASIC_LIVING_RECIPIENT, recipient);
    if (!recipient) {
      execution.setVariable(BASIC_LIVING_LABEL, "非低保对象、特困人员：核查家庭收入和财产");
      return;
    }
    String label = ("TEKUN".equals(h.scheme()) ? "特困人员" : "低保对象") + "（" + h.schemeLabel() + "，"
        + h.status().label() + "，" + h.holderKey() + "）：不再核查家庭收入和财产，重点核实生活必须支出（吉民发〔2020〕40号 四（二））";
    execution.setVariable(BASIC_LIVING_LABEL, label);
    execution.setVariable(CHECK_SUMMARY, "未核查家庭收入和财产（" + ("TEKUN".equals(h.scheme()) ? "特困人员" : "低保对象")
        + "，四（二））；请核实生活必须支出");
    if (!before) {
      records.event(pid, "BASIC_LIVING_RECIPIENT", "全省救助对象登记：申请人为" + label, Values.now(), null);
    }
  }

  /** 信息核对 through the provincial check platform; a technical failure retries the job (asyncBefore). */
  public void check(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    CheckResult result = platform.check(new CheckRequest("T-" + pid, true, List.of(new CheckRequest.Member(
        Values.str(execution, RECIPIENT_ID_NUMBER), Values.str(execution, RECIPIENT_NAME),
        Map.of("WAGE", Values.decimal(execution, "householdMonthlyIncome")))), List.of()));
    String summary = result.discrepancies().stream().filter(CheckResult.Discrepancy::material)
        .map(CheckResult.Discrepancy::message).collect(Collectors.joining("；"));
    execution.setVariable(CHECK_PASSED, result.passed());
    execution.setVariable(CHECK_REFERENCE, result.reference());
    execution.setVariable(CHECK_SUMMARY, summary.isEmpty() ? "未发现与申报不符的情况" : summary);
    records.event(pid, "CHECKED", (result.passed() ? "核对通过：" : "核对发现不符：") + result.reference()
        + (summary.isEmpty() ? "" : "；" + summary), Values.now(), null);
  }

  /** The approved schedule: equal instalments (the last takes the remainder of the cents), stored once. */
  static List<Instalment> schedule(BigDecimal total, int count, int intervalMonths, LocalDate first) {
    BigDecimal each = total.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
    List<Instalment> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      BigDecimal amount = i < count ? each : total.subtract(each.multiply(BigDecimal.valueOf(count - 1)));
      out.add(new Instalment(i, first.plusMonths((long) (i - 1) * intervalMonths), amount, "PLANNED", null));
    }
    return out;
  }

  /** 记录批准决定和发放计划 (一次审批、分次发放). */
  public void approved(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    BigDecimal total = Values.decimal(execution, AMOUNT);
    int count = Values.number(execution, INSTALMENT_COUNT);
    int interval = Values.number(execution, INTERVAL_MONTHS);
    LocalDate first = LocalDate.parse(Values.str(execution, FIRST_PAYMENT_DATE));
    List<Instalment> plan = schedule(total, count, interval, first);
    records.insertInstalments(pid, plan);
    records.setStatus(pid, "APPROVED");
    notices.approved(execution, plan);
    execution.setVariable(CURRENT_INSTALMENT, 0);
    execution.setVariable(MORE_INSTALMENTS, true);
    execution.setVariable(INSTALMENT_AMOUNT, plan.get(0).amount().toPlainString());
  }

  /** The next instalment's date for the timer (09:00 China time; a past date is due at once). */
  public void nextInstalment(DelegateExecution execution) {
    int n = Values.number(execution, CURRENT_INSTALMENT) + 1;
    Instalment i = records.instalments(execution.getProcessInstanceId()).get(n - 1);
    execution.setVariable(CURRENT_INSTALMENT, n);
    execution.setVariable(INSTALMENT_AMOUNT, i.amount().toPlainString());
    execution.setVariable(INSTALMENT_DUE_AT, Values.toDate(i.dueDate(), 9));
  }

  /**
   * 发放第n期 (asyncBefore): the ledger row (BANK, APPROVED — the bank file is the payroll's business) and the
   * instalment marked paid, in one transaction. A retry after a failure finds nothing half-written; a row written
   * by an earlier committed attempt is returned by its key, so the ledger never holds two.
   */
  public void payInstalment(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    int n = Values.number(execution, CURRENT_INSTALMENT);
    List<Instalment> plan = records.instalments(pid);
    Instalment i = plan.get(n - 1);
    if ("STOPPED".equals(i.status())) {
      execution.setVariable(MORE_INSTALMENTS, false);
      return;
    }
    String id = Values.str(execution, RECIPIENT_ID_NUMBER);
    int interval = Values.number(execution, INTERVAL_MONTHS);
    LedgerEntry e = payments.record(new PaymentRequest(paymentKey(pid, n), Scheme.TEMPORARY_EXPENDITURE, pid,
        new Payee("P-" + id, Values.str(execution, RECIPIENT_NAME), id, Values.str(execution, BANK_NAME),
            Values.str(execution, BANK_ACCOUNT_NUMBER)),
        Values.str(execution, COUNTY_CODE), Values.str(execution, CaseVariables.REGION_CODE), i.dueDate(),
        i.dueDate().plusMonths(Math.max(1, interval)).minusDays(1), i.amount(), Channel.BANK, null,
        "支出型临时救助 第" + n + "/" + plan.size() + "期（一次审批、分次发放）"), PaymentStatus.APPROVED,
        Values.str(execution, DECIDED_BY));
    hooks.forEach(h -> h.afterLedgerRow(pid, n, e.id()));
    records.markInstalmentPaid(pid, n, e.id(), Values.now());
    events.publishEvent(new org.doudi.temporary.TemporaryAssistancePaid(pid, "EXPENDITURE", n, id,
        Values.str(execution, RECIPIENT_NAME), Values.str(execution, COUNTY_CODE),
        Values.str(execution, CaseVariables.REGION_CODE), i.dueDate(), e.amount()));
    execution.setVariable(MORE_INSTALMENTS, n < plan.size());
  }

  /** Every instalment paid: the case closes. */
  public void completed(DelegateExecution execution) {
    records.close(execution.getProcessInstanceId(), "COMPLETED", Values.now());
  }

  public void rejected(DelegateExecution execution) {
    records.close(execution.getProcessInstanceId(), "REJECTED", Values.now());
    notices.refused(execution, "支出型");
  }

  /**
   * 撤回申请 (event sub-process, message {@link TemporaryVariables#MESSAGE_EXPENDITURE_WITHDRAWN}): the applicant
   * withdraws before the decision. The interrupting sub-process has cancelled the running steps (their deadlines close
   * with them); the case ends as WITHDRAWN with the reason. Once a decision is recorded a withdrawal is refused and the
   * whole correlation rolls back — whoever sent the message.
   */
  public void withdrawn(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    if (records.decided(pid)) {
      throw new TemporaryFormException(WITHDRAWAL_REASON, "案件已经作出审核确认决定，不能再撤回申请");
    }
    Instant now = Values.now();
    String by = Values.str(execution, WITHDRAWN_BY);
    if (by == null) {
      by = Values.currentUser();
    }
    String reason = Values.str(execution, WITHDRAWAL_REASON);
    records.event(pid, "WITHDRAWN", "申请人撤回申请" + (reason == null ? "" : "：" + reason), now, by);
    records.close(pid, "WITHDRAWN", now);
  }

  /** 停止发放: the remaining instalments are stopped with the reason; nothing more is paid. */
  public void stop(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    Instant now = Values.now();
    int stopped = records.stopPlanned(pid, now);
    records.event(pid, "STOPPED", "停止发放剩余" + stopped + "期：" + Values.str(execution, STOP_REASON), now,
        Values.str(execution, STOPPED_BY));
    records.close(pid, "STOPPED", now);
  }
}
