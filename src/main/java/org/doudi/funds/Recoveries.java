package org.doudi.funds;

import org.doudi.notice.NoticeKind;
import org.doudi.notice.NoticeRequest;
import org.doudi.notice.Notices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.engine.EngineAsSystem;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardChange;
import org.doudi.payroll.AwardChanges;
import org.doudi.payroll.Awards;
import org.doudi.payroll.InvalidAwardException;
import org.doudi.region.Regions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overpayment recovery (社会救助暂行办法 第68条; 最低生活保障审核确认办法: benefits obtained by false statements are
 * stopped and recovered). {@link #open} records the amount to recover with the months involved and the reason,
 * optionally asks for the award to be stopped, and starts process {@code overpayment-recovery}, all in the caller's
 * transaction; the recovery task records repayments and write-offs until nothing is outstanding. The stop is a
 * change of money, so it is not made on one person's word: it is a STOP change request of the payroll module
 * ({@code AwardChanges}), applied from the month after another county approver approves it. The amount to recover is
 * a record of what is owed, not a payment, and is entered by one person.
 */
@Service
public class Recoveries {

  public static final String PROCESS = "overpayment-recovery";
  public static final String LEGAL_BASIS = "《社会救助暂行办法》第六十八条";

  /**
   * What is to be recovered. {@code amount} may be null: then it is the sum of the PAID ledger rows of the scheme
   * for the beneficiary whose period starts in one of the months.
   */
  /**
   * What to recover. {@code fraudEstablished}: fraud (骗取) was established, by {@code fraudFinding} (the finding:
   * document and date); only then do the notice and the stop request say 骗取, otherwise the money was overpaid.
   */
  public record RecoveryRequest(String beneficiaryKey, String scheme, List<YearMonth> months, BigDecimal amount,
      String reason, boolean stopAward, boolean fraudEstablished, String fraudFinding) {

    /** An overpayment without established fraud. */
    public RecoveryRequest(String beneficiaryKey, String scheme, List<YearMonth> months, BigDecimal amount,
        String reason, boolean stopAward) {
      this(beneficiaryKey, scheme, months, amount, reason, stopAward, false, null);
    }
  }

  public record Entry(long id, String kind, BigDecimal amount, String receiptNumber, String note, String recordedBy,
      Instant recordedAt) {}

  public record Recovery(long id, String beneficiaryKey, String scheme, String caseRef, String payeeName,
      String countyCode, String regionCode, BigDecimal amount, BigDecimal repaid, BigDecimal writtenOff,
      BigDecimal outstanding, List<YearMonth> months, String reason, boolean awardStopped, Long stopRequestId,
      String stopRequestStatus, String status, String processInstanceId, String createdBy, Instant createdAt,
      List<Entry> entries) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final Regions regions;
  private final Awards awards;
  private final Payments payments;
  private final AwardChanges awardChanges;
  private final org.springframework.context.ApplicationEventPublisher events;

  private final Notices notices;

  public Recoveries(JdbcTemplate jdbc, RuntimeService runtime, EngineAsSystem asSystem, Regions regions,
      Awards awards, Payments payments, AwardChanges awardChanges, Notices notices,
      org.springframework.context.ApplicationEventPublisher events) {
    this.notices = notices;
    this.events = events;
    this.payments = payments;
    this.awardChanges = awardChanges;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.regions = regions;
    this.awards = awards;
  }

  /**
   * Whose award it is, from the latest award change (or the latest payment recorded on its own) of the beneficiary:
   * read through the payroll's and the payment module's APIs, which own those tables.
   */
  public record Payee(String caseRef, String name, String idNumber, String countyCode, String regionCode) {}

  @Transactional(readOnly = true)
  public Optional<Payee> payee(String beneficiaryKey, String scheme) {
    Optional<Scheme> known = scheme(scheme);
    if (known.isEmpty()) {
      return Optional.empty();
    }
    Optional<Payee> fromAward = awards.latest(beneficiaryKey, known.get()).map(a -> new Payee(a.caseRef(),
        a.payeeName(), a.payeeIdNumber(), a.countyCode(), a.regionCode()));
    if (fromAward.isPresent()) {
      return fromAward;
    }
    return payments.latestOwn(beneficiaryKey, known.get()).map(e -> new Payee(e.caseRef(), e.payee().name(),
        e.payee().idNumber(), e.countyCode(), e.regionCode()));
  }

  private static Optional<Scheme> scheme(String scheme) {
    return java.util.Arrays.stream(Scheme.values()).filter(s -> s.name().equals(scheme)).findFirst();
  }

  /**
   * Records the recovery and starts its process. The caller has checked that {@code actor} acts for the county
   * (see {@link #payee}). 400/404/409/422 refusals change nothing.
   */
  @Transactional
  public Recovery open(RecoveryRequest request, String actor) {
    if (request.beneficiaryKey() == null || request.beneficiaryKey().isBlank() || request.beneficiaryKey().length() > 64) {
      throw new FundsRequestException("请填写救助对象编号（beneficiaryKey）");
    }
    if (request.scheme() == null || !request.scheme().matches("[A-Z_]{1,30}")) {
      throw new FundsRequestException("请填写救助项目（scheme，如 DIBAO）");
    }
    if (request.months() == null || request.months().isEmpty() || request.months().contains(null)) {
      throw new FundsRequestException("请填写所涉月份（yyyy-MM）");
    }
    TreeSet<YearMonth> months = new TreeSet<>(request.months());
    if (months.size() > 36) {
      throw new FundsRequestException("所涉月份最多36个");
    }
    if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 1000) {
      throw new FundsRequestException("请填写追回原因（1000字以内），如：隐瞒收入骗取低保");
    }
    String finding = request.fraudFinding() == null ? null : request.fraudFinding().strip();
    if (request.fraudEstablished() && (finding == null || finding.isEmpty())) {
      throw new FundsRequestException("认定骗取的，请写明认定依据（fraudFinding），如：农安县民政局调查认定书及日期；"
          + "未经认定的按多领取追回，不写骗取");
    }
    if (finding != null && finding.length() > 500) {
      throw new FundsRequestException("骗取认定依据最多500字");
    }
    if (request.amount() != null && (request.amount().signum() <= 0 || request.amount().scale() > 2)) {
      throw new FundsRequestException("追回金额应大于0，最多两位小数");
    }
    Payee payee = payee(request.beneficiaryKey(), request.scheme()).orElseThrow(() -> new FundsRequestException(404,
        "未找到救助对象 " + request.beneficiaryKey() + " 的" + request.scheme() + "待遇或发放记录"));
    BigDecimal amount = request.amount() != null ? request.amount() : paidIn(request.beneficiaryKey(),
        request.scheme(), months);
    if (amount.signum() <= 0) {
      throw new FundsRequestException(422, "所涉月份没有已支付的发放记录，请填写追回金额");
    }
    String regionCode = regions.find(payee.regionCode()).isPresent() ? payee.regionCode()
        : regions.find(payee.countyCode()).isPresent() ? payee.countyCode() : null;
    if (regionCode == null) {
      throw new FundsRequestException(422, "行政区划 " + payee.regionCode() + " 未登记，无法分派追回任务");
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String monthsText = String.join(",", months.stream().map(YearMonth::toString).toList());
    try {
      jdbc.update("INSERT INTO funds_recovery (beneficiary_key, scheme, case_ref, payee_name, payee_id_number,"
              + " county_code, region_code, amount, first_month, last_month, months, reason, award_stopped, status,"
              + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)",
          request.beneficiaryKey(), request.scheme(), payee.caseRef(), payee.name(), payee.idNumber(),
          payee.countyCode(), regionCode, amount.setScale(2, RoundingMode.UNNECESSARY),
          Date.valueOf(months.first().atDay(1)), Date.valueOf(months.last().atDay(1)), monthsText,
          request.reason().strip(), request.stopAward(), actor, Timestamp.from(now));
    } catch (DuplicateKeyException e) {
      throw new FundsRequestException(409, "该对象" + months.first() + "至" + months.last() + "的追回已登记");
    }
    long id = jdbc.queryForObject("SELECT id FROM funds_recovery WHERE beneficiary_key = ? AND scheme = ?"
            + " AND first_month = ? AND last_month = ?", Long.class, request.beneficiaryKey(), request.scheme(),
        Date.valueOf(months.first().atDay(1)), Date.valueOf(months.last().atDay(1)));
    jdbc.update("UPDATE funds_recovery SET fraud_established = ?, fraud_finding = ? WHERE id = ?",
        request.fraudEstablished(), request.fraudEstablished() ? finding : null, id);
    if (request.stopAward()) {
      long stopRequest = requestStop(request, payee, actor);
      jdbc.update("UPDATE funds_recovery SET stop_request_id = ? WHERE id = ?", stopRequest, id);
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(CaseVariables.REGION_CODE, regionCode);
    vars.put(RecoveryVariables.RECOVERY_ID, id);
    vars.put(RecoveryVariables.PAYEE_NAME, payee.name());
    vars.put(RecoveryVariables.RECOVERY_AMOUNT, amount.setScale(2).toPlainString());
    vars.put(RecoveryVariables.OUTSTANDING, amount.setScale(2).toPlainString());
    vars.put(RecoveryVariables.RECOVERY_MONTHS, monthsText);
    vars.put(RecoveryVariables.RECOVERY_REASON, request.reason().strip());
    vars.put(RecoveryVariables.FULLY_RECOVERED, false);
    String pid = asSystem.call(() -> runtime.startProcessInstanceByKey(PROCESS, "recovery-" + id, vars).getId());
    jdbc.update("UPDATE funds_recovery SET process_instance_id = ? WHERE id = ?", pid, id);
    // the written recovery notice, with the case: 骗取 only where fraud was established (docs/notices.md)
    notices.issue(NoticeRequest.of(pid, "recovery-" + id, regionCode, NoticeKind.RECOVERY, "opened", actor)
        .with("payeeName", payee.name())
        .with("months", String.join("、", months.stream().map(m -> m.getYear() + "年" + m.getMonthValue() + "月")
            .toList()))
        .with("amount", amount.setScale(2).toPlainString())
        .with("reason", request.reason().strip())
        .with(Notices.FRAUD_ESTABLISHED, request.fraudEstablished())
        .with("fraudFinding", request.fraudEstablished() ? finding : null));
    return published("REGISTERED", null, get(id), actor);
  }

  /**
   * 停发 asked for with the recovery: a STOP change request under the award's own case, checked completely now (an
   * award that is not active: 422; an open request of the beneficiary: 409; both store nothing, the recovery
   * included), approved by another county approver in award-change-approval, effective from the month after the
   * approval.
   */
  private long requestStop(RecoveryRequest request, Payee payee, String actor) {
    Scheme scheme = scheme(request.scheme())
        .orElseThrow(() -> new FundsRequestException("未知的救助项目：" + request.scheme()));
    String reason = (request.fraudEstablished() ? "骗取社会救助，停发并责令退回（" : "多领取救助资金，停发并追回（")
        + LEGAL_BASIS + "）：" + request.reason().strip();
    try {
      // fraud needs no relapse-risk assessment (docs/payroll.md "退出与渐退"): the exit reason is FRAUD
      return awardChanges.request(request.beneficiaryKey(), scheme, AwardChange.stop(),
          org.doudi.payroll.ExitAssessment.exempt("FRAUD"), payee.caseRef(),
          reason.length() <= 500 ? reason : reason.substring(0, 499) + "…", actor).id();
    } catch (InvalidAwardException e) {
      throw new FundsRequestException(422, "不能申请停发：" + e.getMessage());
    } catch (IllegalStateException e) {
      throw new FundsRequestException(409, "不能申请停发：" + e.getMessage());
    }
  }

  /** Sum of PAID ledger rows of the scheme for the beneficiary whose period starts in one of the months. */
  @Transactional(readOnly = true)
  public BigDecimal paidIn(String beneficiaryKey, String scheme, java.util.Collection<YearMonth> months) {
    return scheme(scheme).map(s -> payments.paidIn(beneficiaryKey, s, months)).orElse(BigDecimal.ZERO.setScale(2));
  }

  /**
   * Records a repayment or write-off from a task (one entry per task). Refuses amounts above what is outstanding
   * and write-offs without a reason. Returns the recovery as it now stands.
   */
  @Transactional
  public Recovery record(long recoveryId, String kind, BigDecimal amount, String receiptNumber, String note,
      String taskId, String actor) {
    Recovery r = get(recoveryId);
    if (!"OPEN".equals(r.status())) {
      throw new FundsRequestException(409, "追回已办结");
    }
    if (!"REPAYMENT".equals(kind) && !"WRITE_OFF".equals(kind)) {
      throw new FundsRequestException("登记类型只能是退款（REPAYMENT）或核销（WRITE_OFF）");
    }
    if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
      throw new FundsRequestException("金额应大于0，最多两位小数");
    }
    if (amount.compareTo(r.outstanding()) > 0) {
      throw new FundsRequestException("金额 " + amount.toPlainString() + " 元超过尚未追回的 "
          + r.outstanding().toPlainString() + " 元");
    }
    if ("WRITE_OFF".equals(kind) && (note == null || note.isBlank())) {
      throw new FundsRequestException("核销须写明理由和批准情况");
    }
    jdbc.update("INSERT INTO funds_recovery_entry (recovery_id, kind, amount, receipt_number, note, task_id,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", recoveryId, kind,
        amount.setScale(2), receiptNumber, note, taskId, actor, Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
    return published(kind, r, get(recoveryId), actor);
  }

  /** Marks the recovery closed once nothing is outstanding (idempotent). */
  @Transactional
  public void close(long recoveryId) {
    Recovery r = get(recoveryId);
    if (r.outstanding().signum() != 0) {
      throw new IllegalStateException("追回 " + recoveryId + " 尚有 " + r.outstanding() + " 元未追回");
    }
    if (jdbc.update("UPDATE funds_recovery SET status = 'CLOSED', closed_at = ? WHERE id = ? AND status = 'OPEN'",
        Timestamp.from(ClockUtil.getCurrentTime().toInstant()), recoveryId) == 1) {
      published("CLOSED", r, get(recoveryId), null);
    }
  }

  /** The audit event of a write (the recovery before and after); returns the after. */
  private Recovery published(String action, Recovery before, Recovery after, String actor) {
    events.publishEvent(new RecoveryChanged(action, after.id(), actor, after.processInstanceId(),
        after.beneficiaryKey(), after.regionCode(), "funds_recovery " + after.id(), before, after));
    return after;
  }

  @Transactional(readOnly = true)
  public Recovery get(long id) {
    List<Entry> entries = jdbc.query("SELECT id, kind, amount, receipt_number, note, recorded_by, recorded_at"
            + " FROM funds_recovery_entry WHERE recovery_id = ? ORDER BY id",
        (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), id);
    List<Recovery> found = jdbc.query("SELECT id, beneficiary_key, scheme, case_ref, payee_name, county_code,"
        + " region_code, amount, months, reason, award_stopped, status, process_instance_id, created_by, created_at,"
        + " stop_request_id FROM funds_recovery WHERE id = ?", (rs, i) -> map(rs, entries), id);
    if (found.isEmpty()) {
      throw new FundsRequestException(404, "追回记录 " + id + " 不存在");
    }
    Recovery r = found.get(0);
    if (r.stopRequestId() == null) {
      return r; // no stop asked for, or one from before V21_2 (award_stopped: stopped at once)
    }
    // the stop's state is the payroll's: the award is stopped once the request is approved and applied
    String stop = awardChanges.find(r.stopRequestId()).map(c -> c.status().name()).orElse(null);
    return new Recovery(r.id(), r.beneficiaryKey(), r.scheme(), r.caseRef(), r.payeeName(), r.countyCode(),
        r.regionCode(), r.amount(), r.repaid(), r.writtenOff(), r.outstanding(), r.months(), r.reason(),
        "APPROVED".equals(stop), r.stopRequestId(), stop, r.status(), r.processInstanceId(), r.createdBy(),
        r.createdAt(), r.entries());
  }

  private static Recovery map(ResultSet rs, List<Entry> entries) throws SQLException {
    BigDecimal amount = rs.getBigDecimal(8).setScale(2);
    BigDecimal repaid = sum(entries, "REPAYMENT");
    BigDecimal writtenOff = sum(entries, "WRITE_OFF");
    long stopRequest = rs.getLong(16);
    Long stopRequestId = rs.wasNull() ? null : stopRequest;
    List<YearMonth> months = new ArrayList<>();
    for (String m : rs.getString(9).split(",")) {
      months.add(YearMonth.parse(m));
    }
    return new Recovery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), amount, repaid, writtenOff, amount.subtract(repaid).subtract(writtenOff),
        months, rs.getString(10), rs.getBoolean(11), stopRequestId, null, rs.getString(12), rs.getString(13),
        rs.getString(14), rs.getTimestamp(15).toInstant(), entries);
  }

  private static BigDecimal sum(List<Entry> entries, String kind) {
    return entries.stream().filter(e -> e.kind().equals(kind)).map(Entry::amount)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }
}
