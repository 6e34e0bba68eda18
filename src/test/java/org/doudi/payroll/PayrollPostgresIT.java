package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.doudi.platform.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk payroll path on PostgreSQL: awards inserted set-wise, roster INSERT … SELECT with NOT EXISTS, bulk
 * approval, the bank file through COPY … TO STDOUT; a second roster pays nobody twice; a node killed in the middle of
 * the roster transaction (its backend terminated) leaves nothing, and the retry pays exactly once.
 */
class PayrollPostgresIT {

  static final int HOUSEHOLDS = 5000;

  @Test
  void bulkRosterApprovalAndBankFileOnPostgres() throws Exception {
    String url = Postgres.freshDatabase("doudi_payroll_it");
    try (ConfigurableApplicationContext app = Postgres.application(url)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      Payroll payroll = app.getBean(Payroll.class);
      BankFiles bankFiles = app.getBean(BankFiles.class);
      jdbc.update("INSERT INTO benefit_award (beneficiary_key, scheme, seq, change_kind, case_ref, county_code, "
          + "region_code, urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number, "
          + "monthly_amount, effective_from, decided_by, created_at) SELECT 'HH-B' || g, 'DIBAO', 1, 'GRANT', 'c' || g, "
          + "'220122', '220122100201', 'RURAL', 1, '姓名' || g, '220122195001010014', '农安农商银行', "
          + "lpad(g::text, 19, '6'), 300 + (g % 7) * 50, DATE '2027-01-01', 'it', now() FROM generate_series(1, ?) g",
          HOUSEHOLDS);
      // 100 stopped from February, 100 increased from February
      jdbc.update("INSERT INTO benefit_award (beneficiary_key, scheme, seq, change_kind, case_ref, county_code, "
          + "region_code, urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number, "
          + "monthly_amount, effective_from, decided_by, created_at) SELECT beneficiary_key, scheme, 2, "
          + "CASE WHEN id % 2 = 0 THEN 'STOP' ELSE 'INCREASE' END, case_ref, county_code, region_code, urban_rural, "
          + "member_count, payee_name, payee_id_number, bank_name, account_number, monthly_amount + 100, "
          + "DATE '2027-02-01', 'it', now() FROM benefit_award WHERE seq = 1 AND beneficiary_key LIKE 'HH-B%' "
          + "ORDER BY id FETCH FIRST 200 ROWS ONLY");

      List<RosterSummary> province = payroll.computeRosterAll(YearMonth.parse("2027-01"), "it");
      assertThat(province).hasSize(1);
      RosterSummary jan = province.get(0);
      assertThat(jan.inserted()).isEqualTo(HOUSEHOLDS);
      assertThat(payroll.computeRoster("220122", YearMonth.parse("2027-01"), "it").inserted()).isZero();
      // written once, in the county's batch: no history row per payment
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE payroll_month = DATE '2027-01-01' "
          + "AND status = 'BATCH'", Integer.class)).isEqualTo(HOUSEHOLDS);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_ledger l ON "
          + "l.id = c.ledger_id WHERE l.payroll_month = DATE '2027-01-01'", Integer.class)).isZero();
      // found by case through their keys: on PostgreSQL the case index leaves batch rows out (V12_2)
      assertThat(app.getBean(org.doudi.payment.Payments.class).byCase("c7"))
          .extracting(org.doudi.payment.LedgerEntry::idempotencyKey).containsExactly("payroll:2027-01:DIBAO:HH-B7");
      assertThat(payroll.approve(jan.runId(), "it").approvedNow()).isEqualTo(HOUSEHOLDS);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(bankFiles.export(jan.runId(), out, "it")).isEqualTo(HOUSEHOLDS);
      List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
      assertThat(lines).hasSize(HOUSEHOLDS + 1);
      assertThat(lines.get(0)).startsWith("H,P220122202701,220122,");
      assertThat(lines.get(1)).matches("D,\\d+,姓名\\d+,220122195001010014,农安农商银行,6+\\d+,\\d+\\.00,DIBAO,"
          + "2027-01-01,2027-01-31");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_entry WHERE payroll_month = DATE '2027-01-01' "
          + "AND status = 'SENT' AND bank_file_id IS NOT NULL", Integer.class)).isEqualTo(HOUSEHOLDS);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_batch b ON "
          + "b.id = c.batch_id WHERE b.payroll_month = DATE '2027-01-01'", Integer.class)).isEqualTo(2);
      ByteArrayOutputStream again = new ByteArrayOutputStream();
      bankFiles.export(jan.runId(), again, "it");
      assertThat(again.toByteArray()).isEqualTo(out.toByteArray());

      // the bank's result for the whole file: the batch PAID at once, every 50th payment returned on its own; fund
      // monitoring counts the batch's payment for the rows still following it
      StringBuilder result = new StringBuilder("H,P220122202701\n");
      int returned = 0;
      for (String d : lines.subList(1, lines.size())) {
        String[] f = d.split(",");
        boolean back = Long.parseLong(f[1]) % 50 == 0;
        returned += back ? 1 : 0;
        result.append("D,").append(f[1]).append(',').append(f[5]).append(',').append(f[6]).append(',')
            .append(back ? "RETURNED,账户冻结" : "PAID").append('\n');
      }
      long fileId = bankFiles.ofRun(jan.runId()).orElseThrow().id();
      org.doudi.payroll.ResultImport imported = bankFiles.importResult(fileId,
          new java.io.ByteArrayInputStream(result.toString().getBytes(StandardCharsets.UTF_8)), "it");
      assertThat(imported.paid()).isEqualTo(HOUSEHOLDS - returned);
      assertThat(imported.returned()).isEqualTo(returned).isPositive();
      assertThat(jdbc.queryForObject("SELECT status FROM payment_batch WHERE bank_file_id = ?", String.class, fileId))
          .isEqualTo("PAID");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_entry WHERE payroll_month = DATE '2027-01-01' "
          + "AND status = 'PAID'", Integer.class)).isEqualTo(HOUSEHOLDS - returned);
      java.time.YearMonth now = java.time.YearMonth.now(org.doudi.funds.internal.FundMonitoring.ZONE);
      List<org.doudi.funds.MonitoringRow> monitored = app.getBean(org.doudi.funds.internal.FundMonitoring.class)
          .figures(now, now, "220122", org.doudi.funds.internal.FundMonitoring.Scope.all());
      assertThat(monitored).hasSize(1);
      assertThat(monitored.get(0).paidCount()).isEqualTo(HOUSEHOLDS - returned);
      assertThat(monitored.get(0).paidBeneficiaries()).isEqualTo(HOUSEHOLDS - returned);
      assertThat(monitored.get(0).returnedCount()).isEqualTo(returned);
      assertThat(monitored.get(0).paidAmount().add(monitored.get(0).returnedAmount()))
          .isEqualByComparingTo(jan.total());

      // February: the node dies in the middle of the roster transaction
      TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
        payroll.computeRoster("220122", YearMonth.parse("2027-02"), "it");
        jdbc.execute("SELECT pg_terminate_backend(pg_backend_pid())");
      })).isInstanceOf(RuntimeException.class);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE payroll_month = DATE '2027-02-01'",
          Integer.class)).isZero();
      RosterSummary feb = payroll.computeRoster("220122", YearMonth.parse("2027-02"), "it");
      assertThat(feb.inserted()).isEqualTo(HOUSEHOLDS - 100);
      assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT beneficiary_key) FROM payment_ledger WHERE "
          + "payroll_month = DATE '2027-02-01'", Integer.class)).isEqualTo(HOUSEHOLDS - 100);
      RosterDifferences d = payroll.differences(feb.runId());
      assertThat(d.stoppedCount()).isEqualTo(100);
      assertThat(d.changedCount()).isEqualTo(100);
      assertThat(d.newCount()).isZero();
      // the first 200 by kind and beneficiary: the 100 changed, then the 100 stopped, each with both amounts known
      assertThat(d.lines()).hasSize(200);
      assertThat(d.lines().subList(0, 100)).allSatisfy(l -> {
        assertThat(l.kind()).isEqualTo("CHANGED");
        assertThat(l.after()).isEqualByComparingTo(l.before().add(new BigDecimal("100")));
      });
      assertThat(d.lines().subList(100, 200)).allSatisfy(l -> {
        assertThat(l.kind()).isEqualTo("STOPPED");
        assertThat(l.after()).isNull();
      });
      assertThat(d.lines().subList(0, 100)).extracting(RosterDifferences.Line::beneficiaryKey).isSorted();

      // concurrent clicks: eight reviewers excluding payments while the approval runs; each payment is either
      // excluded (before the approval) or approved with its batch, never both, and the run's figures agree
      List<Long> ids = jdbc.queryForList("SELECT id FROM payment_ledger WHERE payroll_month = DATE '2027-02-01' "
          + "ORDER BY id FETCH FIRST 80 ROWS ONLY", Long.class);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(9);
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.atomic.AtomicInteger excluded = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicInteger tooLate = new java.util.concurrent.atomic.AtomicInteger();
      List<java.util.concurrent.Future<?>> clicks = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        List<Long> mine = ids.subList(t * 10, t * 10 + 10);
        clicks.add(pool.submit(() -> {
          go.await();
          for (long id : mine) {
            try {
              payroll.exclude(feb.runId(), id, "并发测试", "it-" + Thread.currentThread().getId());
              excluded.incrementAndGet();
            } catch (IllegalStateException approvedAlready) {
              tooLate.incrementAndGet();
            }
          }
          return null;
        }));
      }
      clicks.add(pool.submit(() -> {
        go.await();
        Thread.sleep(20);
        return payroll.approve(feb.runId(), "it");
      }));
      go.countDown();
      for (java.util.concurrent.Future<?> c : clicks) {
        c.get();
      }
      pool.shutdown();
      assertThat(excluded.get() + tooLate.get()).isEqualTo(80);
      int cancelled = jdbc.queryForObject("SELECT COUNT(*) FROM payment_entry WHERE payroll_month = DATE "
          + "'2027-02-01' AND status = 'CANCELLED'", Integer.class);
      int approved = jdbc.queryForObject("SELECT COUNT(*) FROM payment_entry WHERE payroll_month = DATE "
          + "'2027-02-01' AND status = 'APPROVED'", Integer.class);
      assertThat(cancelled).isEqualTo(excluded.get());
      assertThat(cancelled + approved).isEqualTo(HOUSEHOLDS - 100);
      assertThat(payroll.run(feb.runId()).orElseThrow().approvedCount()).isEqualTo(approved);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_ledger l ON "
          + "l.id = c.ledger_id WHERE l.payroll_month = DATE '2027-02-01'", Integer.class)).isEqualTo(cancelled);

      // every kind of bank file, in each layout and character set, by the documentation's rules (the COPY path here)
      assertThat(BankFileConformance.writeAndCheckEveryKindOfFile(app, "220102", "220102001001",
          YearMonth.of(2041, 1))).isEqualTo(12);
    }
    Postgres.dropIfTemporary(url);
  }
}
