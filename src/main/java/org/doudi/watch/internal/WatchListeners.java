package org.doudi.watch.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.doudi.dibao.ApplicationRejected;
import org.doudi.engine.EngineContext;
import org.doudi.payroll.AwardEnded;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.PaymentReturned;
import org.doudi.temporary.TemporaryAssistancePaid;
import org.doudi.watch.AlertRule;
import org.doudi.watch.WatchCategory;
import org.doudi.watch.WatchList;
import org.doudi.watch.WatchList.InvalidWatchInputException;
import org.doudi.watch.WatchList.Subject;
import org.doudi.watch.persistence.WatchRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into register entries and alerts, synchronously in the publisher's transaction (an
 * entry or alert exists exactly when the event's cause committed). Every write is insert-if-absent, so an event
 * published again (a retried job) changes nothing; a business problem (a record without a valid ID number or a known
 * region) is logged and skipped, never failing the publisher's transaction.
 */
@Component
class WatchListeners {

  private static final Logger log = LoggerFactory.getLogger(WatchListeners.class);

  private final WatchList watch;
  private final WatchRepository records;
  private final Awards awards;
  private final WatchSettings settings;

  WatchListeners(WatchList watch, WatchRepository records, Awards awards, WatchSettings settings) {
    this.watch = watch;
    this.records = records;
    this.awards = awards;
    this.settings = settings;
  }

  /** A 低保/特困 award ended: the household stays in the register for two years after its last paid month. */
  @EventListener
  public void awardEnded(AwardEnded e) {
    if (e.scheme() != org.doudi.payment.Scheme.DIBAO && e.scheme() != org.doudi.payment.Scheme.TEKUN) {
      return; // the disability subsidies and other monthly awards end without making a household low-income
    }
    skipInvalid("AwardEnded " + e.beneficiaryKey(), () -> {
      AwardRow last = awards.latest(e.beneficiaryKey(), e.scheme()).orElse(null);
      if (last == null) {
        return;
      }
      String region = e.regionCode() != null ? e.regionCode() : e.countyCode();
      watch.enter(WatchCategory.LEFT_BENEFIT, new Subject(last.payeeIdNumber(), last.payeeName(), region),
          e.beneficiaryKey(), "award:" + e.scheme() + ":" + e.beneficiaryKey() + ":" + e.lastPaidMonth(),
          e.scheme().label() + "停发，最后发放月份 " + e.lastPaidMonth() + "，家庭" + last.memberCount() + "人"
              + (last.reason() == null ? "" : "；停发原因：" + last.reason())
              + (e.exitReasonCode() == null ? "" : "；退出原因代码 " + e.exitReasonCode())
              + (e.riskLevel() == null ? "" : "；返贫风险 " + e.riskLevel()),
          e.lastPaidMonth().atEndOfMonth(), null, "system");
    });
  }

  /**
   * A 低保 application was rejected: the applicant enters the register as REJECTED (re-checked against 漏保 after
   * {@code recheck-months}); a household whose assessed per-capita income was below {@code edge-multiple} × the
   * standard with its assets within the limit also as 低保边缘.
   */
  @EventListener
  public void applicationRejected(ApplicationRejected e) {
    skipInvalid("ApplicationRejected " + e.applicationId(), () -> {
      Subject s = new Subject(e.applicantIdNumber(), e.applicantName(), e.regionCode());
      String ref = "dibao-application:" + e.applicationId();
      LocalDate today = EngineContext.today();
      watch.enter(WatchCategory.REJECTED, s, "HH-" + e.applicationId(), ref, "低保申请不予确认同意（"
          + e.decidedOn() + "，案件 " + e.processInstanceId() + "）" + figures(e), null,
          today.plusMonths(settings.recheckMonths()), "system");
      if (isEdge(e.perCapitaIncome(), e.standard(), e.assetsWithinLimit())) {
        watch.enter(WatchCategory.LOW_INCOME_EDGE, s, "HH-" + e.applicationId(), ref, "低保边缘家庭：" + figures(e)
            + "，低于低保标准的" + settings.edgeMultiple().stripTrailingZeros().toPlainString() + "倍且财产未超过限额",
            null, null, "system");
      }
    });
  }

  boolean isEdge(BigDecimal perCapitaIncome, BigDecimal standard, Boolean assetsWithin) {
    return perCapitaIncome != null && standard != null && Boolean.TRUE.equals(assetsWithin)
        && perCapitaIncome.compareTo(standard.multiply(settings.edgeMultiple())) < 0;
  }

  private static String figures(ApplicationRejected e) {
    return e.perCapitaIncome() == null ? "" : "；评估的家庭月人均收入 " + e.perCapitaIncome() + " 元，低保标准 "
        + e.standard() + " 元";
  }

  /**
   * A 临时救助 payment: the grant is remembered once per case; a 支出型 grant puts the person in the register; a grant
   * to a person who had another 临时救助 case within {@code temporary-window-months} raises SECOND_TEMPORARY.
   */
  @EventListener
  public void temporaryPaid(TemporaryAssistancePaid e) {
    skipInvalid("TemporaryAssistancePaid " + e.caseRef(), () -> {
      String id = e.recipientIdNumber() == null ? "" : e.recipientIdNumber().strip().toUpperCase();
      Subject s = new Subject(id, e.recipientName(), e.regionCode());
      if ("EXPENDITURE".equals(e.kind())) {
        watch.enter(WatchCategory.EXPENDITURE, s, null, "temporary:" + e.caseRef(), "获得支出型临时救助（案件 "
            + e.caseRef() + "）", e.paidOn(), null, "system");
      }
      records.insertTemporaryGrant(e.caseRef(), id, e.kind(), e.paidOn());
      List<String> others = records.otherGrants(id, e.caseRef(),
          e.paidOn().minusMonths(settings.temporaryWindowMonths()), e.paidOn());
      if (!others.isEmpty()) {
        watch.raise(AlertRule.SECOND_TEMPORARY, s, "temporary:" + e.caseRef() + ":" + id, e.paidOn() + " 获得"
            + ("EXPENDITURE".equals(e.kind()) ? "支出型" : "急难型") + "临时救助（案件 " + e.caseRef() + "），此前"
            + settings.temporaryWindowMonths() + "个月内已获临时救助（案件 " + String.join("、", others)
            + "），请核实家庭是否陷入持续困难、是否符合低保或特困条件");
      }
    });
  }

  /** A payment the bank returned: the household may have moved, died or lost its account. */
  @EventListener
  public void paymentReturned(PaymentReturned e) {
    skipInvalid("PaymentReturned " + e.ledgerId(), () -> watch.raise(AlertRule.PAYMENT_RETURNED,
        new Subject(e.payeeIdNumber(), e.payeeName(), e.regionCode() != null ? e.regionCode() : e.countyCode()),
        "ledger:" + e.ledgerId(), e.scheme().label() + " " + e.amount() + " 元（" + e.periodStart()
            + " 起）被银行退回：" + (e.reason() == null ? "银行退回" : e.reason())
            + "。请核实当事人是否迁出、死亡或账户失效"));
  }

  private static void skipInvalid(String what, Runnable work) {
    try {
      work.run();
    } catch (InvalidWatchInputException e) {
      log.warn("Watch list skipped {}: {}", what, e.getMessage());
    }
  }
}
