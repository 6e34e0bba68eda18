package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payroll.PayrollFixture.NONGAN;
import static org.doudi.payroll.PayrollFixture.grant;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.funds.Recoveries;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payee;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payment.StatusChange;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payroll's rows as a batch (V12_1): written once, approved and sent with their county's batch, and on their own
 * from the first change of their own (a cancellation before approval, the bank's result). Each test uses its own
 * months and beneficiaries (the context and its database are shared).
 */
@DoudiTest
class PayrollBatchTest {

  static final String NANGUAN = "220102";

  @Autowired Payroll payroll;
  @Autowired Awards awards;
  @Autowired BankFiles bankFiles;
  @Autowired Payments payments;
  @Autowired Recoveries recoveries;
  @Autowired JdbcTemplate jdbc;
  @Autowired FaultInjector faults;
  @Autowired org.doudi.payroll.internal.PayrollProperties properties;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @AfterEach
  void tearDown() {
    faults.disarm();
    ClockUtil.reset();
  }

  LedgerEntry row(String beneficiaryKey, YearMonth month) {
    return payments.byKey(Payroll.rosterKey("DIBAO", beneficiaryKey, month)).orElseThrow();
  }

  @Test
  void aPaymentCancelledBeforeApprovalLeavesTheBatchAndTheOthersAreApprovedSentAndPaidWithIt() {
    awards.grant(grant("HH-BA1", "钱一", "220122195001010014", "510", "2036-01-10"), "u");
    awards.grant(grant("HH-BA2", "钱二", "220122195001010014", "420", "2036-01-10"), "u");
    YearMonth month = YearMonth.parse("2036-02");
    RosterSummary roster = payroll.computeRoster(NONGAN, month, "system");
    LedgerEntry kept = row("HH-BA1", month);
    LedgerEntry cancelled = row("HH-BA2", month);
    assertThat(jdbc.queryForObject("SELECT status FROM payment_ledger WHERE id = ?", String.class, kept.id()))
        .isEqualTo("BATCH");
    assertThat(kept.status()).isEqualTo(PaymentStatus.CREATED);

    // the case's payments include its monthly rows, found by their keys (no case index over batch rows)
    assertThat(payments.byCase("case-HH-BA1")).extracting(LedgerEntry::id).contains(kept.id());

    payments.transition(cancelled.id(), PaymentStatus.CANCELLED, "na-county-approver", "已死亡，停发");
    ApprovalSummary approval = payroll.approve(roster.runId(), "na-county-approver");
    assertThat(approval.count()).isEqualTo(roster.count() - 1);
    assertThat(approval.total()).isEqualByComparingTo(roster.total().subtract(new BigDecimal("420")));
    assertThat(payments.get(kept.id()).status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(payments.get(kept.id()).approvedBy()).isEqualTo("na-county-approver");
    assertThat(payments.get(cancelled.id()).status()).isEqualTo(PaymentStatus.CANCELLED);
    assertThat(payments.get(cancelled.id()).approvedAt()).isNull();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long lines = bankFiles.export(roster.runId(), out, "system");
    String file = out.toString(StandardCharsets.UTF_8);
    assertThat(lines).isEqualTo(roster.count() - 1);
    assertThat(file).contains("D," + kept.id() + ",").doesNotContain("D," + cancelled.id() + ",");
    // the bytes streamed at creation are the stored ones
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    bankFiles.write(bankFiles.ofRun(roster.runId()).orElseThrow().id(), stored);
    assertThat(stored.toByteArray()).isEqualTo(out.toByteArray());
    BankFile bankFile = bankFiles.ofRun(roster.runId()).orElseThrow();
    assertThat(payments.get(kept.id()).bankFileId()).isEqualTo(bankFile.id());
    assertThat(payments.get(cancelled.id()).bankFileId()).isNull();

    StringBuilder result = new StringBuilder("H," + bankFile.batchNo() + "\n");
    for (Long id : jdbc.queryForList("SELECT id FROM payment_entry WHERE bank_file_id = ? ORDER BY id", Long.class,
        bankFile.id())) {
      LedgerEntry e = payments.get(id);
      result.append("D,").append(id).append(',').append(e.payee().accountNumber()).append(',')
          .append(e.amount().toPlainString()).append(",PAID,\n");
    }
    bankFiles.importResult(bankFile.id(), new ByteArrayInputStream(result.toString()
        .getBytes(StandardCharsets.UTF_8)), "na-county-cw");
    LedgerEntry paid = payments.get(kept.id());
    assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
    // once on its own, the row keeps what its batch did for it
    assertThat(paid.approvedBy()).isEqualTo("na-county-approver");
    assertThat(paid.bankFileId()).isEqualTo(bankFile.id());
    assertThat(payments.history(kept.id())).extracting(StatusChange::to).containsExactly(PaymentStatus.CREATED,
        PaymentStatus.APPROVED, PaymentStatus.SENT, PaymentStatus.PAID);
    assertThat(payments.history(cancelled.id())).extracting(StatusChange::to)
        .containsExactly(PaymentStatus.CREATED, PaymentStatus.CANCELLED);
    // an overpayment recovery counts the payroll's paid rows too
    assertThat(recoveries.paidIn("HH-BA1", "DIBAO", List.of(month, month.plusMonths(1))))
        .isEqualByComparingTo("510");
    assertThat(recoveries.paidIn("HH-BA2", "DIBAO", List.of(month))).isEqualByComparingTo("0");
  }

  /**
   * The county's figures come from its batch (V13_1) and the rows with a status of their own: at every step they
   * must be what counting the rows through payment_entry gives.
   */
  @Test
  void theCountysFiguresFromItsBatchAreWhatItsRowsSayAtEveryStep() {
    YearMonth month = YearMonth.parse("2038-03");
    RosterSummary roster = fourAwardsAndTheirRoster("HH-BF", "沈", 300, month);
    assertFiguresMatchRows(month);
    // a row of the month outside the roster (a subsidy, approved on its own) and a cancelled one
    LedgerEntry extra = extraPayment("HH-BF1", "沈1", "55.50", month);
    payments.transition(row("HH-BF2", month).id(), PaymentStatus.CANCELLED, "na-county-approver", "已死亡");
    assertFiguresMatchRows(month);
    assertThat(payroll.computeRoster(NONGAN, month, "system").count()).isEqualTo(roster.count() - 1 + 1);

    payroll.approve(roster.runId(), "na-county-approver");
    assertThat(payments.get(extra.id()).status()).isEqualTo(PaymentStatus.APPROVED);
    assertFiguresMatchRows(month);
    bankFiles.export(roster.runId(), "system");
    assertFiguresMatchRows(month);
    BankFile file = bankFiles.ofRun(roster.runId()).orElseThrow();
    assertThat(file.rowCount()).isEqualTo(roster.count() - 1 + 1);
    LedgerEntry returned = row("HH-BF3", month);
    bankFiles.importResult(file.id(), new ByteArrayInputStream(("H," + file.batchNo() + "\nD," + returned.id() + ","
        + returned.payee().accountNumber() + "," + returned.amount().toPlainString() + ",RETURNED,账户已销户\n")
        .getBytes(StandardCharsets.UTF_8)), "na-county-cw");
    assertFiguresMatchRows(month);
  }

  /** Awards for {@code <prefix>1..4} decided the month before, and the county's roster of the month. */
  RosterSummary fourAwardsAndTheirRoster(String prefix, String surname, int amount, YearMonth month) {
    for (int i = 1; i <= 4; i++) {
      awards.grant(grant(prefix + i, surname + i, "220122195001010014", String.valueOf(amount + i),
          month.minusMonths(1).atDay(10).toString()), "u");
    }
    return payroll.computeRoster(NONGAN, month, "system");
  }

  /** A payment of the county's month outside the roster (a subsidy), CREATED: approved with the month. */
  LedgerEntry extraPayment(String beneficiaryKey, String name, String amount, YearMonth month) {
    return payments.record(new org.doudi.payment.PaymentRequest("test:extra:" + month + ":" + beneficiaryKey,
        Scheme.DIBAO, "case-" + beneficiaryKey, new Payee(beneficiaryKey, name, "220122195001010014", "农业银行",
            "6228480000000001"), NONGAN, NONGAN + "100201", month.atDay(1), month.atEndOfMonth(),
        new BigDecimal(amount), org.doudi.payment.Channel.BANK, month.atDay(1), "测试"), PaymentStatus.CREATED, "u");
  }

  @Autowired org.doudi.payment.LedgerBulk ledgerBulk;

  void assertFiguresMatchRows(YearMonth month) {
    Map<String, Object[]> rows = new java.util.TreeMap<>();
    jdbc.query("SELECT status, CASE WHEN batch_id IS NULL THEN 0 ELSE 1 END, COUNT(*), SUM(amount) FROM payment_entry "
        + "WHERE county_code = ? AND payroll_month = ? GROUP BY status, CASE WHEN batch_id IS NULL THEN 0 ELSE 1 END",
        rs -> {
          rows.put(rs.getString(1) + "/" + (rs.getInt(2) == 1), new Object[] {rs.getInt(3),
              rs.getBigDecimal(4).setScale(2)});
        }, NONGAN, java.sql.Date.valueOf(month.atDay(1)));
    Map<String, Object[]> figures = new java.util.TreeMap<>();
    for (org.doudi.payment.LedgerBulk.Part p : ledgerBulk.monthParts(List.of(NONGAN), month.atDay(1))
        .getOrDefault(NONGAN, List.of())) {
      figures.merge(p.status() + "/" + p.batch(), new Object[] {p.count(), p.total()}, (a, b) ->
          new Object[] {(int) a[0] + (int) b[0], ((BigDecimal) a[1]).add((BigDecimal) b[1])});
    }
    figures.values().removeIf(v -> (int) v[0] == 0);
    assertThat(figures.keySet()).isEqualTo(rows.keySet());
    rows.forEach((k, v) -> assertThat(figures.get(k)).as(k).containsExactly(v));
    RosterSummary summary = payroll.rosterOf(NONGAN, month, "system");
    Object[] notCancelled = jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM payment_entry "
        + "WHERE county_code = ? AND payroll_month = ? AND status <> 'CANCELLED'", (rs, i) -> new Object[] {
            rs.getInt(1), rs.getBigDecimal(2)}, NONGAN, java.sql.Date.valueOf(month.atDay(1)));
    assertThat(summary.count()).isEqualTo(notCancelled[0]);
    assertThat(summary.total()).isEqualByComparingTo((BigDecimal) notCancelled[1]);
    // fund monitoring counts a batch's approval for the rows still following it: the same as counting the rows
    YearMonth now = YearMonth.now(org.doudi.funds.internal.FundMonitoring.ZONE);
    java.time.Instant t0 = now.atDay(1).atStartOfDay(org.doudi.funds.internal.FundMonitoring.ZONE).toInstant();
    java.time.Instant t1 = now.plusMonths(1).atDay(1).atStartOfDay(org.doudi.funds.internal.FundMonitoring.ZONE)
        .toInstant();
    Object[] approved = jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM payment_entry "
        + "WHERE county_code = ? AND approved_at >= ? AND approved_at < ?", (rs, i) -> new Object[] {rs.getLong(1),
            rs.getBigDecimal(2)}, NONGAN, java.sql.Timestamp.from(t0), java.sql.Timestamp.from(t1));
    List<org.doudi.funds.MonitoringRow> monitored = monitoring.figures(now, now, NONGAN,
        org.doudi.funds.internal.FundMonitoring.Scope.all());
    assertThat(monitored.stream().mapToLong(org.doudi.funds.MonitoringRow::approvedCount).sum())
        .isEqualTo(approved[0]);
    assertThat(monitored.stream().map(org.doudi.funds.MonitoringRow::approvedAmount)
        .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo((BigDecimal) approved[1]);
    // and a batch's payment (the bank's result for its whole file) for the rows still following it
    Object[] paid = jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(l.amount), 0) FROM payment_ledger l "
        + "JOIN payment_status_change c ON c.ledger_id = l.id OR (l.status = 'BATCH' AND c.batch_id = l.batch_id) "
        + "WHERE l.county_code = ? AND c.to_status = 'PAID' AND c.changed_at >= ? AND c.changed_at < ?",
        (rs, i) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)}, NONGAN, java.sql.Timestamp.from(t0),
        java.sql.Timestamp.from(t1));
    assertThat(monitored.stream().mapToLong(org.doudi.funds.MonitoringRow::paidCount).sum()).isEqualTo(paid[0]);
    assertThat(monitored.stream().map(org.doudi.funds.MonitoringRow::paidAmount)
        .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo((BigDecimal) paid[1]);
  }

  @Test
  void theBanksResultForAWholeFilePaysTheBatchAtOnceAndAPartialResultRowByRow() {
    YearMonth month = YearMonth.parse("2039-05");
    RosterSummary roster = fourAwardsAndTheirRoster("HH-BP", "韩", 400, month);
    LedgerEntry extra = extraPayment("HH-BP1", "韩1", "66.60", month);
    payroll.approve(roster.runId(), "na-county-approver");
    bankFiles.export(roster.runId(), "system");
    BankFile file = bankFiles.ofRun(roster.runId()).orElseThrow();
    // the county's other beneficiaries of earlier tests are in force too
    assertThat(file.rowCount()).isEqualTo(roster.count() + 1);
    LedgerEntry p1 = row("HH-BP1", month);
    LedgerEntry p2 = row("HH-BP2", month);
    LedgerEntry p3 = row("HH-BP3", month);
    LedgerEntry p4 = row("HH-BP4", month);
    java.util.function.Function<String, ResultImport> upload = lines -> bankFiles.importResult(file.id(),
        new ByteArrayInputStream(("H," + file.batchNo() + "\n" + lines).getBytes(StandardCharsets.UTF_8)),
        "na-county-cw");
    java.util.function.BiFunction<LedgerEntry, String, String> line = (e, result) -> "D," + e.id() + ","
        + e.payee().accountNumber() + "," + e.amount().toPlainString() + "," + result + "\n";
    String batchStatus = "SELECT status FROM payment_batch WHERE bank_file_id = ?";

    // a partial result: its payment on its own, the batch still SENT for the others
    ResultImport first = upload.apply(line.apply(p1, "PAID"));
    assertThat(first.paid()).isEqualTo(1);
    assertThat(first.stillSent()).isEqualTo(file.rowCount() - 1);
    assertThat(jdbc.queryForObject(batchStatus, String.class, file.id())).isEqualTo("SENT");
    assertThat(rawStatus(p1.id())).isEqualTo("PAID");
    assertFiguresMatchRows(month);

    // the rest, with the first line again: the batch PAID at once, the returned one and the extra payment on their own
    int historyBefore = jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change", Integer.class);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    bankFiles.write(file.id(), content);
    StringBuilder rest = new StringBuilder();
    for (String d : content.toString(StandardCharsets.UTF_8).split("\n")) {
      if (d.startsWith("D,")) {
        String[] f = d.split(",");
        rest.append("D,").append(f[1]).append(',').append(f[5]).append(',').append(f[6]).append(',')
            .append(f[1].equals(String.valueOf(p3.id())) ? "RETURNED,户名不符" : "PAID").append('\n');
      }
    }
    assertThat(rest.toString()).contains(line.apply(p1, "PAID"), line.apply(p2, "PAID"), line.apply(extra, "PAID"));
    ResultImport second = upload.apply(rest.toString());
    assertThat(second.paid()).isEqualTo(file.rowCount() - 2);
    assertThat(second.returned()).isEqualTo(1);
    assertThat(second.stillSent()).isZero();
    assertThat(jdbc.queryForObject(batchStatus, String.class, file.id())).isEqualTo("PAID");
    // one history row for the batch, one each for the returned and the extra payment
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change", Integer.class))
        .isEqualTo(historyBefore + 3);
    assertThat(rawStatus(p2.id())).isEqualTo("BATCH");
    assertThat(payments.get(p2.id()).status()).isEqualTo(PaymentStatus.PAID);
    assertThat(payments.history(p4.id())).extracting(StatusChange::to).containsExactly(PaymentStatus.CREATED,
        PaymentStatus.APPROVED, PaymentStatus.SENT, PaymentStatus.PAID);
    assertThat(payments.get(p3.id()).status()).isEqualTo(PaymentStatus.RETURNED);
    assertThat(payments.get(extra.id()).status()).isEqualTo(PaymentStatus.PAID);
    assertThat(payroll.run(roster.runId()).orElseThrow().status()).isEqualTo("RECONCILED");
    assertFiguresMatchRows(month);

    // the same file again changes nothing
    ResultImport again = upload.apply(rest.toString());
    assertThat(again.paid()).isZero();
    assertThat(again.returned()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change", Integer.class))
        .isEqualTo(historyBefore + 3);
    // a paid payment cannot be returned afterwards, whether it was paid on its own or with its batch
    assertThatThrownBy(() -> upload.apply(line.apply(p2, "RETURNED"))).isInstanceOf(BankResultRejectedException.class);
    assertThatThrownBy(() -> upload.apply(line.apply(p1, "RETURNED"))).isInstanceOf(BankResultRejectedException.class);
    assertThat(payments.get(p2.id()).status()).isEqualTo(PaymentStatus.PAID);
  }

  String rawStatus(long id) {
    return jdbc.queryForObject("SELECT status FROM payment_ledger WHERE id = ?", String.class, id);
  }

  @Autowired org.doudi.funds.internal.FundMonitoring monitoring;

  @Test
  void aRowOfAnApprovedBatchCannotBeAddedAgainNorTheBatchReopened() {
    awards.grant(grant("HH-BB1", "孔一", "220122195001010014", "300", "2036-04-10"), "u");
    YearMonth month = YearMonth.parse("2036-05");
    RosterSummary roster = payroll.computeRoster(NONGAN, month, "system");
    payroll.approve(roster.runId(), "na-county-approver");
    // a late award for the month: the approved roster is frozen, nothing joins the batch
    awards.grant(grant("HH-BB2", "孔二", "220122195001010014", "300", "2036-03-10"), "u");
    assertThat(payroll.computeRoster(NONGAN, month, "system").inserted()).isZero();
    assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-BB2", month))).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_batch b "
        + "ON b.id = c.batch_id WHERE b.county_code = ? AND b.payroll_month = ?", Integer.class, NONGAN,
        java.sql.Date.valueOf(month.atDay(1)))).isEqualTo(1);
  }

  @Test
  void theProvinceRosterRunsInGroupsOfCountiesAndARepeatCompletesAGroupThatFailed() {
    awards.grant(grant("HH-BC1", "冯一", "220122195001010014", "350", "2036-07-10"), "u");
    awards.grant(new AwardGrant("HH-BC2", Scheme.DIBAO, "case-HH-BC2", NANGUAN, "220102001001", "URBAN", 2,
        new Payee("HH-BC2", "冯二", PayrollFixture.personId("220102195001010019", "HH-BC2"), "长春农商银行", "6228480012345678"),
        new BigDecimal("780"), LocalDate.parse("2036-07-10"), "测试批准"), "u");
    YearMonth month = YearMonth.parse("2036-08");

    faults.arm("roster"); // the first group to finish its roster fails just before its commit
    assertThatThrownBy(() -> payroll.computeRosterAll(month, "system"))
        .isInstanceOf(FaultInjector.InjectedFailure.class);
    // one group of counties committed, the other nothing
    assertThat(jdbc.queryForList("SELECT DISTINCT status FROM payroll_run WHERE payroll_month = ?", String.class,
        java.sql.Date.valueOf(month.atDay(1)))).containsExactlyInAnyOrder("OPEN", "ROSTER");
    int rowsAfterFailure = jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE payroll_month = ?",
        Integer.class, java.sql.Date.valueOf(month.atDay(1)));

    List<RosterSummary> again = payroll.computeRosterAll(month, "system");
    assertThat(again).extracting(RosterSummary::countyCode).contains(NANGUAN, NONGAN);
    assertThat(row("HH-BC1", month).countyCode()).isEqualTo(NONGAN);
    assertThat(row("HH-BC2", month).amount()).isEqualByComparingTo("780");
    int rows = jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE payroll_month = ?", Integer.class,
        java.sql.Date.valueOf(month.atDay(1)));
    assertThat(again.stream().mapToInt(RosterSummary::inserted).sum()).isEqualTo(rows - rowsAfterFailure);
    assertThat(again.stream().mapToInt(RosterSummary::count).sum()).isEqualTo(rows);
    assertThat(payroll.computeRosterAll(month, "system")).allSatisfy(s -> assertThat(s.inserted()).isZero());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE payroll_month = ?", Integer.class,
        java.sql.Date.valueOf(month.atDay(1)))).isEqualTo(rows);
  }

  /**
   * The province's roster takes each beneficiary's latest award within its county: one who moved (stopped in the old
   * county, granted in the new one) is paid by the old county up to the move and by the new one from then on, never
   * by both.
   */
  @Test
  void aBeneficiaryWhoMovedIsPaidByTheNewCountyOnlyFromTheMonthOfTheMove() {
    awards.grant(grant("HH-BM1", "韩一", "220122195001010014", "400", "2038-05-10"), "u");
    awards.stop("HH-BM1", Scheme.DIBAO, "case-HH-BM1", LocalDate.parse("2038-07-05"), "迁出农安县", "u");
    // not while the old award is active: a move is a stop and a new grant
    awards.grant(new AwardGrant("HH-BM1", Scheme.DIBAO, "case-HH-BM1-nanguan", NANGUAN, "220102001001", "URBAN", 1,
        new Payee("HH-BM1", "韩一", PayrollFixture.personId("220122195001010014", "HH-BM1"), "长春农商银行", "6228480012340001"),
        new BigDecimal("700"), LocalDate.parse("2038-07-06"), "迁入南关区"), "u");

    payroll.computeRosterAll(YearMonth.parse("2038-07"), "system");
    payroll.computeRosterAll(YearMonth.parse("2038-08"), "system");
    assertThat(row("HH-BM1", YearMonth.parse("2038-07"))).satisfies(e -> {
      assertThat(e.countyCode()).isEqualTo(NONGAN);
      assertThat(e.amount()).isEqualByComparingTo("400");
    });
    assertThat(row("HH-BM1", YearMonth.parse("2038-08"))).satisfies(e -> {
      assertThat(e.countyCode()).isEqualTo(NANGUAN);
      assertThat(e.amount()).isEqualByComparingTo("700");
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE beneficiary_key = 'HH-BM1'",
        Integer.class)).isEqualTo(2);
    // a county's own roster agrees: the old county does not pay, the new one does
    payroll.computeRoster(NONGAN, YearMonth.parse("2038-09"), "system");
    assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-BM1", YearMonth.parse("2038-09")))).isEmpty();
    payroll.computeRoster(NANGUAN, YearMonth.parse("2038-09"), "system");
    assertThat(row("HH-BM1", YearMonth.parse("2038-09")).countyCode()).isEqualTo(NANGUAN);
  }

  @Test
  void theReviewerExcludesAPaymentInTasklistAndConfirmsTheNewTotal() {
    awards.grant(grant("HH-BD1", "褚一", "220122195001010014", "530", "2036-09-10"), "u");
    awards.grant(grant("HH-BD2", "褚二", "220122195001010014", "470", "2036-09-10"), "u");
    // HH-BD2 pays into HH-BD1's account (one account, two households: an anomaly of the roster)
    awards.changeAccount("HH-BD2", Scheme.DIBAO, "农安农商银行", awards.latest("HH-BD1", Scheme.DIBAO).orElseThrow()
        .accountNumber(), "case-HH-BD2-acct", LocalDate.parse("2036-09-20"), "代领", "u");
    PayrollFixture.clockAt("2036-10-02T06:00");
    YearMonth month = YearMonth.parse("2036-10");
    PayrollFixture f = new PayrollFixture(tasks, management);
    String pid = payroll.start(NONGAN, month, "system").processInstanceId();
    assertThat(f.runJobs(pid)).isEmpty();
    String before = (String) runtime.getVariable(pid, "rosterTotal");

    // a key that is not in this month's roster, or no reason: refused, nothing changes
    assertThatThrownBy(() -> f.complete(pid, "Task_ReviewRoster", "na-county-approver", Map.of("reviewDecision",
        "EXCLUDE", "excludeBeneficiaries", "HH-BD2, HH-NOBODY", "excludeReason", "已死亡")))
        .hasMessageContaining("HH-NOBODY");
    assertThatThrownBy(() -> f.complete(pid, "Task_ReviewRoster", "na-county-approver", Map.of("reviewDecision",
        "EXCLUDE", "excludeBeneficiaries", "HH-BD2", "excludeReason", " ")))
        .hasMessageContaining("剔除原因");
    assertThat(row("HH-BD2", month).status()).isEqualTo(PaymentStatus.CREATED);

    f.complete(pid, "Task_ReviewRoster", "na-county-approver", Map.of("reviewDecision", "EXCLUDE",
        "excludeBeneficiaries", "HH-BD2", "excludeReason", "名册生成后死亡"));
    assertThat(f.runJobs(pid)).isEmpty();
    assertThat(f.task(pid, "Task_ReviewRoster")).isNotNull(); // back to review, with the new figures
    String after = (String) runtime.getVariable(pid, "rosterTotal");
    assertThat(new BigDecimal(after)).isEqualByComparingTo(new BigDecimal(before).subtract(new BigDecimal("470")));
    assertThat(runtime.getVariable(pid, "reviewDecision")).isNull();
    assertThat(row("HH-BD2", month).status()).isEqualTo(PaymentStatus.CANCELLED);
    assertThat(payments.history(row("HH-BD2", month).id())).last().satisfies(c -> {
      assertThat(c.by()).isEqualTo("na-county-approver");
      assertThat(c.note()).isEqualTo("剔除：名册生成后死亡");
    });

    // the old total is no longer the roster's
    assertThatThrownBy(() -> f.complete(pid, "Task_ReviewRoster", "na-county-approver", Map.of("reviewDecision",
        "APPROVE", "confirmedTotal", before))).hasMessageContaining(after);
    // HH-BD1's account is still shared with HH-BD2's award (excluding a payment does not stop the award): the
    // approver must confirm the anomalies are checked
    assertThatThrownBy(() -> f.complete(pid, "Task_ReviewRoster", "na-county-approver", Map.of("reviewDecision",
        "APPROVE", "confirmedTotal", after))).hasMessageContaining("已核实异常");
    f.complete(pid, "Task_ReviewRoster", "na-county-approver", Map.of("reviewDecision", "APPROVE",
        "confirmedTotal", after, "anomaliesVerified", true));
    assertThat(f.runJobs(pid)).isEmpty();
    long runId = payroll.run(NONGAN, month).orElseThrow().id();
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    bankFiles.write(bankFiles.ofRun(runId).orElseThrow().id(), content);
    String file = content.toString(StandardCharsets.UTF_8);
    assertThat(file).contains(",褚一,").doesNotContain(",褚二,");
    assertThat(row("HH-BD1", month).status()).isEqualTo(PaymentStatus.SENT);
  }

  @Test
  void exclusionsOverRestNeedTheCountysApproverAReasonAndARosterUnderReview() throws Exception {
    awards.grant(grant("HH-BE1", "卫一", "220122195001010014", "610", "2036-11-10"), "u");
    YearMonth month = YearMonth.parse("2036-12");
    RosterSummary roster = payroll.computeRoster(NONGAN, month, "system");
    long id = row("HH-BE1", month).id();
    Http http = new Http(port);
    String path = "/api/payroll/runs/" + roster.runId() + "/exclusions";
    String body = "{\"paymentId\":" + id + ",\"reason\":\"账户已销户\"}";
    assertThat(http.send("na-county-cw", "POST", path, body).status()).isEqualTo(403);
    assertThat(http.send("ng-county-cw", "POST", path, body).status()).isEqualTo(403);
    assertThat(http.send("na-county-approver", "POST", path, "{\"paymentId\":" + id + "}").body())
        .contains("剔除原因");
    assertThat(http.send("na-county-approver", "POST", path, "{\"paymentId\":999999999,\"reason\":\"x\"}")
        .status()).isEqualTo(404);
    assertThat(row("HH-BE1", month).status()).isEqualTo(PaymentStatus.CREATED);
    Http.Response ok = http.send("na-county-approver", "POST", path, body);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(row("HH-BE1", month).status()).isEqualTo(PaymentStatus.CANCELLED);
    assertThat(payroll.run(roster.runId()).orElseThrow().rosterTotal())
        .isEqualByComparingTo(roster.total().subtract(new BigDecimal("610")));
    assertThat(http.send("na-county-approver", "POST", path, body).status()).isEqualTo(200); // a repeat: nothing new
    payroll.approve(roster.runId(), "na-county-approver");
    assertThat(http.send("na-county-approver", "POST", path, body).status()).isEqualTo(409);
  }

  @Test
  void aBankThatTakesPipeSeparatedGbkFilesGetsThemAndItsResultsAreRead() {
    org.doudi.payroll.internal.PayrollProperties.Bank bank = properties.getBank();
    String format = bank.getFormat();
    String charset = bank.getCharset();
    try {
      bank.setFormat("BANK-TXT-1");
      bank.setCharset("GBK");
      awards.grant(grant("HH-BG1", "蒋|一", "220122195001010014", "515", "2037-01-10"), "u");
      awards.grant(grant("HH-BG2", "蒋二", "220122195001010014", "425", "2037-01-10"), "u");
      YearMonth month = YearMonth.parse("2037-02");
      RosterSummary roster = payroll.computeRoster(NONGAN, month, "system");
      payroll.approve(roster.runId(), "na-county-approver");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      bankFiles.export(roster.runId(), out, "system");
      BankFile file = bankFiles.ofRun(roster.runId()).orElseThrow();
      assertThat(file.format()).isEqualTo("BANK-TXT-1");
      assertThat(file.charset()).isEqualTo("GBK");
      String text = new String(out.toByteArray(), java.nio.charset.Charset.forName("GBK"));
      LedgerEntry one = row("HH-BG1", month);
      LedgerEntry two = row("HH-BG2", month);
      assertThat(text).startsWith(file.batchNo() + "|" + roster.count() + "|" + roster.total().toPlainString()
          + "|代发银行|2037-02\r\n");
      assertThat(text).contains("|" + one.payee().accountNumber() + "|蒋 一|515.00|" + one.payee().idNumber() + "|DD" + one.id()
          + "\r\n");

      String bad = file.batchNo() + "\r\n1|" + one.payee().accountNumber() + "|蒋 一|515.00|成功\r\n";
      assertThatThrownBy(() -> bankFiles.importResult(file.id(), new ByteArrayInputStream(
          bad.getBytes(java.nio.charset.Charset.forName("GBK"))), "na-county-cw"))
          .isInstanceOf(BankResultRejectedException.class).hasMessageContaining("摘要");
      StringBuilder result = new StringBuilder(file.batchNo() + "|" + roster.count() + "\r\n");
      int seq = 0;
      for (Long id : jdbc.queryForList("SELECT id FROM payment_entry WHERE bank_file_id = ? ORDER BY id", Long.class,
          file.id())) {
        LedgerEntry e = payments.get(id);
        result.append(++seq).append('|').append(e.payee().accountNumber()).append('|')
            .append(e.payee().name().replace('|', ' ')).append('|').append(e.amount().toPlainString()).append('|')
            .append(id == two.id() ? "退回|账户已销户" : "成功|").append("|DD").append(id).append("\r\n");
      }
      bankFiles.importResult(file.id(), new ByteArrayInputStream(result.toString()
          .getBytes(java.nio.charset.Charset.forName("GBK"))), "na-county-cw");
      assertThat(payments.get(one.id()).status()).isEqualTo(PaymentStatus.PAID);
      assertThat(payments.get(two.id()).status()).isEqualTo(PaymentStatus.RETURNED);
      assertThat(payments.history(two.id())).last().extracting(StatusChange::note).isEqualTo("账户已销户");
    } finally {
      bank.setFormat(format);
      bank.setCharset(charset);
    }
    assertThatThrownBy(() -> bank.setFormat("EXCEL")).hasMessageContaining("未知的银行文件格式");
  }

  @Test
  void countiesAreSplitIntoGroupsOfAboutEqualWork() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    sizes.put("220102", 10);
    sizes.put("220103", 9);
    sizes.put("220104", 5);
    sizes.put("220105", 4);
    assertThat(Payroll.balance(sizes, 2)).containsExactly(List.of("220102", "220105"), List.of("220103", "220104"));
    assertThat(Payroll.balance(sizes, 1)).containsExactly(List.of("220102", "220103", "220104", "220105"));
    assertThat(Payroll.balance(Map.of("220102", 3), 4)).containsExactly(List.of("220102"));
  }
}
