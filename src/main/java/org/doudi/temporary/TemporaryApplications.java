package org.doudi.temporary;

import static org.doudi.temporary.TemporaryVariables.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.identity.CaseVariables;
import org.doudi.temporary.internal.CaseSupport;
import org.doudi.temporary.internal.OnlineStarts;
import org.doudi.temporary.internal.TemporaryFormException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 支出型临时救助 applied for online (module citizen, docs/citizen.md): the same {@code expenditure-assistance} process
 * and the same 登记申请 checks as the counter's start form, with channel ONLINE and the citizen as reporter. The caller
 * has recorded the applicant's 授权书 and 承诺书; no staff jurisdiction is asked (the citizen holds none).
 */
@Service
public class TemporaryApplications {

  /** What the counter's start form {@code temporary-expenditure-start} asks, amounts in yuan. */
  public record ExpenditureApplication(String regionCode, String recipientName, String recipientIdNumber,
      String recipientPhone, String causeKind, String cause, BigDecimal expenseAmount, BigDecimal amount,
      Integer memberCount, BigDecimal householdMonthlyIncome, String bankName, String bankAccountNumber) {}

  /** A value the 登记申请 checks refuse (400): the field and the Chinese message. */
  public static class InvalidExpenditureApplication extends RuntimeException {
    private final String field;

    InvalidExpenditureApplication(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  private final RuntimeService runtime;
  private final CaseSupport support;
  private final TransactionTemplate dryRun;

  public TemporaryApplications(RuntimeService runtime, CaseSupport support, PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.support = support;
    this.dryRun = new TransactionTemplate(transactions);
    this.dryRun.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Starts the case (channel ONLINE); returns its process instance id. A refusal starts and stores nothing. */
  public String applyOnline(ExpenditureApplication a, String actor) {
    return start(a, actor);
  }

  /**
   * Runs the 登记申请 checks without keeping anything: the start in its own transaction, rolled back — so a draft
   * waiting for the applicant's consent is refused at once for the reasons the start would give later.
   */
  public void check(ExpenditureApplication a, String actor) {
    dryRun.executeWithoutResult(status -> {
      status.setRollbackOnly();
      start(a, actor);
    });
  }

  private String start(ExpenditureApplication a, String actor) {
    if (a == null) {
      throw new InvalidExpenditureApplication("", "请填写申请内容");
    }
    if (a.regionCode() == null || a.regionCode().isBlank() || !support.isKnown(a.regionCode())) {
      // an unknown code would fail the case-access grants at process start (a server error): refuse it first
      throw new InvalidExpenditureApplication(CaseVariables.REGION_CODE, "请选择居住地所在的乡镇（街道）或村（社区）");
    }
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.REGION_CODE, a.regionCode());
    v.put(RECIPIENT_NAME, a.recipientName());
    v.put(RECIPIENT_ID_NUMBER, a.recipientIdNumber());
    v.put(RECIPIENT_PHONE, a.recipientPhone());
    v.put(CAUSE_KIND, a.causeKind());
    v.put(CAUSE, a.cause());
    v.put(EXPENSE_AMOUNT, a.expenseAmount() == null ? null : a.expenseAmount().toPlainString());
    v.put(AMOUNT, a.amount() == null ? null : a.amount().toPlainString());
    v.put(MEMBER_COUNT, a.memberCount());
    v.put(HOUSEHOLD_MONTHLY_INCOME, a.householdMonthlyIncome() == null ? null
        : a.householdMonthlyIncome().toPlainString());
    v.put(BANK_NAME, a.bankName());
    v.put(BANK_ACCOUNT_NUMBER, a.bankAccountNumber());
    v.put(AUTHORISATION_SIGNED, true);
    v.put(PLEDGE_SIGNED, true);
    v.put(REPORTED_BY, actor);
    try {
      return OnlineStarts.run(() -> runtime.createProcessInstanceByKey(EXPENDITURE_PROCESS).setVariables(v).execute()
          .getId());
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof TemporaryFormException refused) {
          throw new InvalidExpenditureApplication(refused.field(), refused.getMessage());
        }
      }
      throw e;
    }
  }
}
