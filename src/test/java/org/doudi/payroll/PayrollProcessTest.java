package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payroll.PayrollFixture.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.StatusChange;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly payroll end to end on H2: roster, county approval, bank file, result import, returned payment re-issued
 * into a one-off file, next month's differences; a second run of the same month; failures injected at the end of each
 * step and retried. Each test uses its own months and beneficiary keys (the context and its database are shared).
 */
@DoudiTest
class PayrollProcessTest {

  @Autowired Payroll payroll;
  @Autowired Awards awards;
  @Autowired BankFiles bankFiles;
  @Autowired Payments payments;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired FaultInjector faults;

  PayrollFixture f;

  @BeforeEach
  void setUp() {
    f = new PayrollFixture(tasks, management);
  }

  @AfterEach
  void tearDown() {
    faults.disarm();
    ClockUtil.reset();
  }

  int ledgerRows(String keyLike) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE idempotency_key LIKE ?", Integer.class,
        keyLike);
  }

  LedgerEntry payrollRow(String beneficiaryKey, YearMonth month) {
    return payments.byKey("payroll:" + month + ":DIBAO:" + beneficiaryKey).orElseThrow();
  }

  String approveReview(String pid) {
    String total = (String) runtime.getVariable(pid, "rosterTotal");
    f.complete(pid, "Task_ReviewRoster", "na-county-approver",
        Map.of("reviewDecision", "APPROVE", "confirmedTotal", total, "reviewNote", "已核对",
            "anomaliesVerified", true));
    return total;
  }

  static String result(BankFile file, String... lines) {
    return "H," + file.batchNo() + "\n" + String.join("\n", lines) + "\n";
  }

  static String line(LedgerEntry e, String result, String reason) {
    return "D," + e.id() + "," + e.payee().accountNumber() + "," + e.amount().toPlainString() + "," + result + ","
        + reason;
  }

  @Test
  void awardChangesTakeEffectFromTheNextMonth() {
    AwardRow g = awards.grant(grant("HH-T1", "赵一", "220122195001010014", "500", "2025-03-15"), "na-county-approver");
    assertThat(g.effectiveFrom()).isEqualTo(LocalDate.parse("2025-04-01"));
    assertThat(awards.current("HH-T1", Scheme.DIBAO, YearMonth.parse("2025-03"))).isEmpty();
    assertThat(awards.current("HH-T1", Scheme.DIBAO, YearMonth.parse("2025-04")).orElseThrow().monthlyAmount())
        .isEqualByComparingTo("500");
    // the same decision again (a retried job) is the same row
    assertThat(awards.grant(grant("HH-T1", "赵一", "220122195001010014", "500", "2025-03-15"), "x").id())
        .isEqualTo(g.id());
    awards.adjust("HH-T1", Scheme.DIBAO, new BigDecimal("650.00"), 2, "case-HH-T1", LocalDate.parse("2025-04-10"),
        "家庭人口增加", "na-county-approver");
    assertThat(awards.current("HH-T1", Scheme.DIBAO, YearMonth.parse("2025-04")).orElseThrow().monthlyAmount())
        .isEqualByComparingTo("500");
    AwardRow may = awards.current("HH-T1", Scheme.DIBAO, YearMonth.parse("2025-05")).orElseThrow();
    assertThat(may.monthlyAmount()).isEqualByComparingTo("650");
    assertThat(may.changeKind()).isEqualTo(AwardRow.ChangeKind.INCREASE);
    awards.stop("HH-T1", Scheme.DIBAO, "case-HH-T1", LocalDate.parse("2025-05-20"), "收入超过标准", "na-county-approver");
    assertThat(awards.activeIn(Scheme.DIBAO, NONGAN, YearMonth.parse("2025-05")))
        .anySatisfy(a -> assertThat(a.beneficiaryKey()).isEqualTo("HH-T1"));
    assertThat(awards.activeIn(Scheme.DIBAO, NONGAN, YearMonth.parse("2025-06")))
        .noneSatisfy(a -> assertThat(a.beneficiaryKey()).isEqualTo("HH-T1"));
    assertThat(awards.history("HH-T1", Scheme.DIBAO)).extracting(AwardRow::seq).containsExactly(1, 2, 3);
    // nothing is updated: an adjustment of a stopped award is refused, a second grant of an active one too
    assertThatThrownBy(() -> awards.adjust("HH-T1", Scheme.DIBAO, BigDecimal.TEN, null, "c", LocalDate.now(), "r", "u"))
        .isInstanceOf(InvalidAwardException.class).hasMessageContaining("没有正在享受");
    awards.grant(grant("HH-T1b", "钱二", "220122195001010014", "300", "2025-03-15"), "u");
    assertThatThrownBy(() -> awards.grant(grant("HH-T1b", "钱二", "220122195001010014", "400", "2025-03-20"), "u"))
        .isInstanceOf(InvalidAwardException.class).hasMessageContaining("增发或减发");
    assertThatThrownBy(() -> awards.grant(grant("HH-T1c", "", "1", "-1", "2025-03-15"), "u"))
        .isInstanceOf(InvalidAwardException.class).hasMessageContaining("领取人姓名不能为空")
        .hasMessageContaining("月补助金额必须大于0");
  }

  @Test
  void aMonthFromRosterToBankResultsAndTheReturnedPaymentReissued() throws Exception {
    awards.grant(grant("HH-P1", "孙一", "220122195001010014", "600", "2030-02-10"), "na-county-approver");
    awards.grant(grant("HH-P2", "孙二", "220122195001010014", "400", "2030-02-10"), "na-county-approver");
    clockAt("2030-03-01T06:00");
    YearMonth march = YearMonth.parse("2030-03");
    PayrollRun run = payroll.start(NONGAN, march, "system");
    String pid = run.processInstanceId();
    assertThat(f.runJobs(pid)).isEmpty();
    assertThat(payrollRow("HH-P1", march).status()).isEqualTo(PaymentStatus.CREATED);
    assertThat(payrollRow("HH-P1", march).amount()).isEqualByComparingTo("600.00");
    assertThat(payrollRow("HH-P1", march).payrollMonth()).isEqualTo(LocalDate.parse("2030-03-01"));
    assertThat(payments.history(payrollRow("HH-P1", march).id())).extracting(StatusChange::to)
        .containsExactly(PaymentStatus.CREATED);
    assertThat(runtime.getVariable(pid, "newCount")).isEqualTo(runtime.getVariable(pid, "rosterCount"));
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("county-approver-220122").count())
        .isEqualTo(1);

    // the reviewer must confirm the right total
    assertThatThrownBy(() -> f.complete(pid, "Task_ReviewRoster", "na-county-approver",
        Map.of("reviewDecision", "APPROVE", "confirmedTotal", "1.00")))
        .hasMessageContaining("名册总额");
    approveReview(pid);
    assertThat(f.runJobs(pid)).isEmpty();
    LedgerEntry p1 = payrollRow("HH-P1", march);
    LedgerEntry p2 = payrollRow("HH-P2", march);
    assertThat(p1.status()).isEqualTo(PaymentStatus.SENT);
    assertThat(p1.approvedBy()).isEqualTo("na-county-approver");
    BankFile file = bankFiles.ofRun(run.id()).orElseThrow();
    assertThat(p1.bankFileId()).isEqualTo(file.id());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    bankFiles.write(file.id(), out);
    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("H," + file.batchNo() + ",220122,")
        .contains("D," + p1.id() + ",孙一," + p1.payee().idNumber() + ",农安农商银行," + p1.payee().accountNumber()
            + ",600.00,DIBAO,2030-03-01,2030-03-31\n");
    assertThat(csv.lines().count()).isEqualTo(file.rowCount() + 1L);
    assertThat(file.sha256()).isEqualTo(BankFiles.sha256(out.toByteArray()));
    assertThat(f.task(pid, "Task_ImportBankResult")).isNotNull();
    // the task cannot be completed by hand before the results are in
    assertThatThrownBy(() -> f.complete(pid, "Task_ImportBankResult", "na-county-cw", Map.of()))
        .hasMessageContaining("回盘");

    // a bad result file changes nothing and names its lines
    String bad = result(file, line(p1, "PAID", ""), "D,999999999,1,1.00,PAID,", "D," + p2.id() + ","
        + p2.payee().accountNumber() + ",1.00,PAID,", "D," + p1.id() + "," + p1.payee().accountNumber() + ",600.00,OK,");
    assertThatThrownBy(() -> bankFiles.importResult(file.id(), new ByteArrayInputStream(bad.getBytes()), "na-county-cw"))
        .isInstanceOfSatisfying(BankResultRejectedException.class, e -> assertThat(e.errors())
            .extracting(BankResultRejectedException.LineError::line).containsExactly(3, 4, 5));
    assertThat(payments.get(p1.id()).status()).isEqualTo(PaymentStatus.SENT);

    // everything else in the file (other tests' beneficiaries of the county) is paid
    StringBuilder good = new StringBuilder("H," + file.batchNo() + "\n");
    for (LedgerEntry e : rowsOf(file)) {
      good.append(e.id() == p2.id() ? line(e, "RETURNED", "账户已销户") : line(e, "PAID", "")).append('\n');
    }
    ResultImport imported = bankFiles.importResult(file.id(),
        new ByteArrayInputStream(good.toString().getBytes(StandardCharsets.UTF_8)), "na-county-cw");
    assertThat(imported.returned()).isEqualTo(1);
    assertThat(imported.stillSent()).isZero();
    assertThat(payments.get(p1.id()).status()).isEqualTo(PaymentStatus.PAID);
    assertThat(payments.get(p2.id()).status()).isEqualTo(PaymentStatus.RETURNED);
    assertThat(f.runJobs(pid)).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(payroll.run(run.id()).orElseThrow().status()).isEqualTo("RECONCILED");
    // the same result file again changes nothing and starts no second return case
    ResultImport again = bankFiles.importResult(file.id(),
        new ByteArrayInputStream(good.toString().getBytes(StandardCharsets.UTF_8)), "na-county-cw");
    assertThat(again.paid() + again.returned()).isZero();

    String returnCase = imported.returnCaseIds().get(0);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("return:" + p2.id()).count())
        .isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(returnCase).taskCandidateGroup("county-caseworker-220122")
        .count()).isEqualTo(1);
    assertThatThrownBy(() -> f.complete(returnCase, "Task_FixAccount", "na-county-cw",
        Map.of("returnAction", "REISSUE", "bankName", "农安农商银行", "accountNumber", "12ab", "reissueReason", "x")))
        .hasMessageContaining("8至30位数字");
    f.complete(returnCase, "Task_FixAccount", "na-county-cw", Map.of("returnAction", "REISSUE", "bankName", "农安农商银行",
        "accountNumber", "6228480099990000", "reissueReason", "户主提供新账户"));
    assertThat(f.runJobs(returnCase)).isEmpty();
    // nothing re-sent until another person (a county approver) approves the correction
    assertThat(payments.byKey("reissue:" + p2.id())).isEmpty();
    assertThat(tasks.createTaskQuery().processInstanceId(returnCase).taskCandidateGroup("county-approver-220122")
        .taskDefinitionKey("Task_ApproveReissue").count()).isEqualTo(1);
    f.complete(returnCase, "Task_ApproveReissue", "na-county-approver", Map.of("reissueDecision", "APPROVE"));
    assertThat(f.runJobs(returnCase)).isEmpty();
    LedgerEntry reissue = payments.byKey("reissue:" + p2.id()).orElseThrow();
    assertThat(reissue.status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(reissue.payee().accountNumber()).isEqualTo("6228480099990000");
    assertThat(awards.current("HH-P2", Scheme.DIBAO, YearMonth.parse("2030-04")).orElseThrow().accountNumber())
        .isEqualTo("6228480099990000");
    // the re-issue goes into the next (one-off) bank file
    BankFile oneOff = bankFiles.exportPending(NONGAN, "na-county-cw").orElseThrow();
    assertThat(oneOff.kind()).isEqualTo("ONE_OFF");
    assertThat(payments.get(reissue.id()).bankFileId()).isEqualTo(oneOff.id());
    assertThat(payments.get(reissue.id()).status()).isEqualTo(PaymentStatus.SENT);
    assertThat(bankFiles.exportPending(NONGAN, "na-county-cw")).isEmpty();

    // April: P1 increased, P2 stopped, P3 new — decided in March, in force from April
    clockAt("2030-03-20T10:00");
    awards.adjust("HH-P1", Scheme.DIBAO, new BigDecimal("700"), 2, "case-HH-P1", LocalDate.parse("2030-03-20"),
        "家庭人口增加，增发", "na-county-approver");
    awards.stop("HH-P2", Scheme.DIBAO, "case-HH-P2", LocalDate.parse("2030-03-20"), "停发", "na-county-approver");
    awards.grant(grant("HH-P3", "孙三", "220122195001010014", "300", "2030-03-20"), "na-county-approver");
    clockAt("2030-04-01T06:00");
    PayrollRun april = payroll.start(NONGAN, YearMonth.parse("2030-04"), "system");
    assertThat(f.runJobs(april.processInstanceId())).isEmpty();
    RosterDifferences d = payroll.differences(april.id());
    assertThat(d.lines()).contains(
        new RosterDifferences.Line("CHANGED", "HH-P1", "DIBAO", "孙一", new BigDecimal("600.00"), new BigDecimal("700.00")),
        new RosterDifferences.Line("STOPPED", "HH-P2", "DIBAO", "孙二", new BigDecimal("400.00"), null),
        new RosterDifferences.Line("NEW", "HH-P3", "DIBAO", "孙三", null, new BigDecimal("300.00")));
    assertThat((String) runtime.getVariable(april.processInstanceId(), "differences")).contains("停发：孙二");
    assertThat(payments.byKey("payroll:2030-04:DIBAO:HH-P2")).isEmpty();
    assertThat(payrollRow("HH-P1", YearMonth.parse("2030-04")).amount()).isEqualByComparingTo("700");
  }

  /** History rows of the county's batch of the month (approval, sending). */
  int batchChanges(String month) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_batch b ON b.id = c.batch_id "
        + "WHERE b.county_code = ? AND b.payroll_month = ?", Integer.class, NONGAN,
        java.sql.Date.valueOf(YearMonth.parse(month).atDay(1)));
  }

  List<LedgerEntry> rowsOf(BankFile file) {
    return jdbc.queryForList("SELECT id FROM payment_entry WHERE bank_file_id = ? ORDER BY id", Long.class, file.id())
        .stream().map(payments::get).toList();
  }

  @Test
  void aSecondRunOfTheSameMonthAndCountyPaysNobodyTwice() {
    awards.grant(grant("HH-S1", "周一", "220122195001010014", "500", "2031-01-10"), "u");
    clockAt("2031-02-02T06:00");
    YearMonth feb = YearMonth.parse("2031-02");
    PayrollRun first = payroll.start(NONGAN, feb, "system");
    PayrollRun second = payroll.start(NONGAN, feb, "demo");
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.processInstanceId()).isEqualTo(first.processInstanceId());
    f.runJobs(first.processInstanceId());
    RosterSummary again = payroll.computeRoster(NONGAN, feb, "demo");
    assertThat(again.inserted()).isZero();
    assertThat(ledgerRows("payroll:2031-02:DIBAO:HH-S1")).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("payroll:220122:2031-02").count())
        .isEqualTo(1);
    approveReview(first.processInstanceId());
    f.runJobs(first.processInstanceId());
    // approving and exporting again do nothing new
    assertThat(payroll.approve(first.id(), "demo").approvedNow()).isZero();
    BankFile file = bankFiles.ofRun(first.id()).orElseThrow();
    assertThat(bankFiles.export(first.id(), "demo").id()).isEqualTo(file.id());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payroll_bank_file WHERE run_id = ?", Integer.class,
        first.id())).isEqualTo(1);
    // after approval the roster is frozen: a late grant for the month is not added
    assertThat(payroll.computeRoster(NONGAN, feb, "demo").inserted()).isZero();
    assertThat(payroll.computeRosterAll(feb, "demo")).filteredOn(s -> s.countyCode().equals(NONGAN))
        .singleElement().satisfies(s -> assertThat(s.inserted()).isZero());

    // the province-wide variant: one statement for every county, and again nothing twice
    YearMonth later = YearMonth.parse("2031-05");
    List<RosterSummary> all = payroll.computeRosterAll(later, "bench");
    assertThat(all).extracting(RosterSummary::countyCode).contains(NONGAN);
    assertThat(ledgerRows("payroll:2031-05:DIBAO:HH-S1")).isEqualTo(1);
    assertThat(all.stream().mapToInt(RosterSummary::inserted).sum()).isPositive();
    assertThat(payroll.computeRosterAll(later, "bench")).allSatisfy(s -> assertThat(s.inserted()).isZero());
    assertThat(ledgerRows("payroll:2031-05:DIBAO:HH-S1")).isEqualTo(1);
    // roster rows follow their county's batch: written once, no history row per payment until its own change
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE payroll_month = DATE '2031-05-01' "
        + "AND (status <> 'BATCH' OR batch_id IS NULL)", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_ledger l ON l.id = "
        + "c.ledger_id WHERE l.payroll_month = DATE '2031-05-01'", Integer.class)).isZero();
  }

  @Test
  void aFailureAtTheEndOfEachStepLeavesNothingAndTheRetryPaysExactlyOnce() {
    awards.grant(grant("HH-F1", "吴一", "220122195001010014", "450", "2032-05-10"), "u");
    awards.grant(grant("HH-F2", "吴二", "220122195001010014", "350", "2032-05-10"), "u");
    clockAt("2032-06-01T06:00");
    YearMonth june = YearMonth.parse("2032-06");
    String month = june.toString();

    faults.arm("roster");
    PayrollRun run = payroll.start(NONGAN, june, "system");
    String pid = run.processInstanceId();
    assertThat(f.runJobs(pid)).hasSize(1).allSatisfy(e -> assertThat(e).isInstanceOf(
        FaultInjector.InjectedFailure.class));
    assertThat(ledgerRows("payroll:" + month + ":%")).isZero();
    afterRetryDelay();
    assertThat(f.runJobs(pid)).isEmpty(); // the retry
    assertThat(ledgerRows("payroll:" + month + ":DIBAO:HH-F_")).isEqualTo(2);
    assertThat(batchChanges(month)).isZero();

    faults.arm("approve");
    approveReview(pid);
    assertThat(f.runJobs(pid)).hasSize(1);
    assertThat(payrollRow("HH-F1", june).status()).isEqualTo(PaymentStatus.CREATED);
    assertThat(batchChanges(month)).isZero();
    faults.arm("export");
    afterRetryDelay();
    assertThat(f.runJobs(pid)).hasSize(1); // approval retried and done, the export fails
    assertThat(payrollRow("HH-F1", june).status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(payrollRow("HH-F1", june).bankFileId()).isNull();
    assertThat(bankFiles.ofRun(run.id())).isEmpty();
    assertThat(batchChanges(month)).isEqualTo(1);
    afterRetryDelay();
    assertThat(f.runJobs(pid)).isEmpty();
    BankFile file = bankFiles.ofRun(run.id()).orElseThrow();
    assertThat(payrollRow("HH-F1", june).status()).isEqualTo(PaymentStatus.SENT);

    StringBuilder results = new StringBuilder("H," + file.batchNo() + "\n");
    for (LedgerEntry e : rowsOf(file)) {
      results.append(e.payee().beneficiaryKey().equals("HH-F2") ? line(e, "RETURNED", "户名不符") : line(e, "PAID", ""))
          .append('\n');
    }
    byte[] bytes = results.toString().getBytes(StandardCharsets.UTF_8);
    faults.arm("import");
    assertThatThrownBy(() -> bankFiles.importResult(file.id(), new ByteArrayInputStream(bytes), "na-county-cw"))
        .isInstanceOf(FaultInjector.InjectedFailure.class);
    assertThat(payrollRow("HH-F1", june).status()).isEqualTo(PaymentStatus.SENT);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("return:"
        + payrollRow("HH-F2", june).id()).count()).isZero();
    bankFiles.importResult(file.id(), new ByteArrayInputStream(bytes), "na-county-cw");
    assertThat(payrollRow("HH-F1", june).status()).isEqualTo(PaymentStatus.PAID);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("return:"
        + payrollRow("HH-F2", june).id()).count()).isEqualTo(1);
    assertThat(ledgerRows("payroll:" + month + ":DIBAO:HH-F_")).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payroll_bank_file WHERE run_id = ?", Integer.class, run.id()))
        .isEqualTo(1);
    // one approval, one sending and one bank result for the batch, each once (the import retried after the injected
    // failure wrote no second); the returned payment has its own result
    assertThat(batchChanges(month)).isEqualTo(3);
    assertThat(payments.history(payrollRow("HH-F1", june).id())).extracting(StatusChange::to)
        .containsExactly(PaymentStatus.CREATED, PaymentStatus.APPROVED, PaymentStatus.SENT, PaymentStatus.PAID);
    assertThat(payments.history(payrollRow("HH-F2", june).id())).extracting(StatusChange::by)
        .containsExactly("system", "na-county-approver", "system", "na-county-cw");
    assertThat(faults.fired.get()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void theTimerStartsOneRunPerCountyFromTheRunDay() {
    awards.grant(grant("HH-C1", "郑一", "220122195001010014", "500", "2033-07-10"), "u");
    // 2033-08-05 is a Friday; with 3 lead working days the run day is Tuesday 2033-08-02
    PayrollRun none;
    clockAt("2033-08-01T06:00");
    String early = runtime.startProcessInstanceByKey("monthly-payroll").getId();
    f.runJobs(early);
    // no run started (the grant may have opened the month's run row, without a process, to serialise with it)
    assertThat(payroll.run(NONGAN, YearMonth.parse("2033-08")).map(PayrollRun::processInstanceId)).isEmpty();
    clockAt("2033-08-02T06:00");
    var jobs = management.createJobQuery().processDefinitionKey("monthly-payroll").timers().list();
    assertThat(jobs).isNotEmpty();
    String due = runtime.startProcessInstanceByKey("monthly-payroll").getId();
    f.runJobs(due);
    none = payroll.run(NONGAN, YearMonth.parse("2033-08")).orElseThrow();
    assertThat(none.processInstanceId()).isNotNull();
    String third = runtime.startProcessInstanceByKey("monthly-payroll").getId();
    f.runJobs(third);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("payroll:220122:2033-08").count())
        .isEqualTo(1);
  }
}
