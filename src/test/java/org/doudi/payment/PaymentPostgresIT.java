package org.doudi.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payment.PaymentFixtures.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.doudi.payment.persistence.LedgerRepository;
import org.doudi.platform.Postgres;
import org.doudi.region.Regions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once on PostgreSQL 15 under real concurrency: each thread runs its own transaction, the way two caseworkers'
 * requests or two job executor threads would.
 */
class PaymentPostgresIT {

  static final int THREADS = 20;

  static String url;
  static JdbcTemplate jdbc;
  static Payments payments;
  static OnceOnly onceOnly;
  static TransactionTemplate tx;

  @BeforeAll
  static void database() {
    url = Postgres.freshDatabase("doudi_payment_it");
    DriverManagerDataSource ds = new DriverManagerDataSource(url, Postgres.USER, Postgres.PASSWORD);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/postgresql", "classpath:db/demo")
        .table("doudi_schema_history").load().migrate();
    jdbc = new JdbcTemplate(ds);
    DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
    LedgerRepository repository = new LedgerRepository(jdbc);
    payments = new Payments(repository, tm, new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(org.doudi.payment.BatchKeys.class), event -> { });
    onceOnly = new OnceOnly(repository, payments, new Regions(jdbc), tm);
    tx = new TransactionTemplate(tm);
  }

  @AfterAll
  static void drop() {
    if (url != null) {
      Postgres.dropIfTemporary(url);
    }
  }

  /** Runs the task on THREADS threads released at the same moment; each result or exception in order. */
  static List<Object> atOnce(java.util.function.IntFunction<Callable<Object>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Callable<Object> c = task.apply(i);
      futures.add(pool.submit(() -> {
        start.await();
        try {
          return c.call();
        } catch (Exception e) {
          return e;
        }
      }));
    }
    start.countDown();
    List<Object> out = new ArrayList<>();
    for (Future<Object> f : futures) {
      out.add(f.get());
    }
    pool.shutdown();
    return out;
  }

  int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  @Test
  void twentyConcurrentRecordsOfOnePaymentWriteOneRow() throws Exception {
    String key = "it:same-key";
    List<Object> results = atOnce(i -> () -> tx.execute(s -> payments.record(bank(key, "500"),
        PaymentStatus.APPROVED, "worker-" + i)));
    assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(LedgerEntry.class));
    assertThat(results).extracting(r -> ((LedgerEntry) r).id()).containsOnly(((LedgerEntry) results.get(0)).id());
    assertThat(count("SELECT count(*) FROM payment_ledger WHERE idempotency_key = ?", key)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM payment_status_change c JOIN payment_ledger l ON l.id = c.ledger_id "
        + "WHERE l.idempotency_key = ?", key)).isEqualTo(1);
  }

  @Test
  void twentyCaseworkersApprovingOnePersonPayOnceAndTheOthersAreToldWhy() throws Exception {
    String person = "220122198001011111";
    List<Object> results = atOnce(i -> () -> tx.execute(s -> {
      // the approval writes its payment and then claims the person, in one transaction
      String caseRef = "case-" + i;
      PaymentRequest r = new PaymentRequest("it:unemployed:" + caseRef, Scheme.UNEMPLOYED, caseRef,
          new Payee("P-" + person, "李四", person, "吉林银行", "6222000099998888777"), COUNTY, TOWNSHIP,
          LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30), new BigDecimal("1000"), Channel.BANK, null, null);
      LedgerEntry paid = payments.record(r, PaymentStatus.APPROVED, "worker-" + i);
      onceOnly.claim(person, Scheme.UNEMPLOYED, "2020", caseRef, TOWNSHIP, "worker-" + i);
      return paid;
    }));
    assertThat(results).filteredOn(r -> r instanceof LedgerEntry).hasSize(1);
    List<Object> refusals = results.stream().filter(r -> r instanceof AlreadyClaimedException).toList();
    assertThat(refusals).hasSize(THREADS - 1);
    LedgerEntry winner = (LedgerEntry) results.stream().filter(r -> r instanceof LedgerEntry).findFirst().orElseThrow();
    assertThat(refusals).allSatisfy(e -> assertThat(((AlreadyClaimedException) e).getMessage())
        .contains("南岭街道", winner.caseRef(), "全省只能领取一次"));
    assertThat(count("SELECT count(*) FROM payment_once_only WHERE person_id_number = ?", person)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM payment_ledger WHERE payee_id_number = ?", person))
        .as("the refused approvals left no payment behind").isEqualTo(1);
    assertThat(count("SELECT count(*) FROM payment_ledger l WHERE payee_id_number = ? AND NOT EXISTS (SELECT 1 FROM "
        + "payment_status_change c WHERE c.ledger_id = l.id)", person)).isZero();
  }

  @Test
  void theLoserOfAClaimCanStillFinishItsTransaction() {
    String person = "220122198001012222";
    tx.executeWithoutResult(s -> onceOnly.claim(person, Scheme.UNEMPLOYED, "2020", "case-x", TOWNSHIP, "a"));
    String outcome = tx.execute(s -> {
      try {
        onceOnly.claim(person, Scheme.UNEMPLOYED, "2020", "case-y", TOWNSHIP, "b");
        return "claimed";
      } catch (AlreadyClaimedException e) {
        // PostgreSQL would refuse any further statement here if the failed insert had not been in a savepoint
        payments.record(reserveFund("it:after-refusal", "100"), PaymentStatus.PAID, "b");
        return "refused";
      }
    });
    assertThat(outcome).isEqualTo("refused");
    assertThat(payments.byKey("it:after-refusal")).isPresent();
  }

  @Test
  void aJobThatFailsAfterWritingTheLedgerRowPaysOnceWhenRetried() {
    String key = "it:fault";
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
      payments.record(bank(key, "700"), PaymentStatus.APPROVED, "job");
      throw new IllegalStateException("simulated crash after the ledger write");
    })).hasMessageContaining("simulated crash");
    assertThat(payments.byKey(key)).as("the failed attempt left nothing").isEmpty();
    LedgerEntry retried = tx.execute(s -> payments.record(bank(key, "700"), PaymentStatus.APPROVED, "job"));
    LedgerEntry again = tx.execute(s -> payments.record(bank(key, "700"), PaymentStatus.APPROVED, "job"));
    assertThat(again.id()).isEqualTo(retried.id());
    assertThat(count("SELECT count(*) FROM payment_ledger WHERE idempotency_key = ?", key)).isEqualTo(1);
  }

  /** V13_2: related_id keeps the foreign key's rule without a check queued for every roster row. */
  @Test
  void aReissueRefersToAnExistingPaymentWhichThenCannotBeDeleted() {
    LedgerEntry sent = tx.execute(s -> payments.record(bank("it:related", "120"), PaymentStatus.CREATED, "u"));
    tx.executeWithoutResult(s -> {
      payments.transition(sent.id(), PaymentStatus.APPROVED, "approver", null);
      payments.transition(sent.id(), PaymentStatus.SENT, "bank", null);
      payments.transition(sent.id(), PaymentStatus.RETURNED, "bank", "账户已销户");
    });
    LedgerEntry reissue = tx.execute(s -> payments.reissue(sent.id(), "吉林银行", "6217000011112222", "cw", "改账户"));
    assertThat(jdbc.queryForObject("SELECT related_id FROM payment_ledger WHERE id = ?", Long.class, reissue.id()))
        .isEqualTo(sent.id());
    assertThatThrownBy(() -> jdbc.update("DELETE FROM payment_ledger WHERE id = ?", sent.id()))
        .hasMessageContaining("is referred to");
    assertThatThrownBy(() -> jdbc.update("UPDATE payment_ledger SET related_id = 987654321 WHERE id = ?",
        reissue.id())).hasMessageContaining("related_id 987654321 does not exist");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE id IN (?, ?)", Integer.class, sent.id(),
        reissue.id())).isEqualTo(2);
  }

  @Test
  void concurrentStatusChangesOfOnePaymentRecordOneStep() throws Exception {
    LedgerEntry e = tx.execute(s -> payments.record(bank("it:status", "90"), PaymentStatus.CREATED, "payroll"));
    atOnce(i -> () -> tx.execute(s -> payments.transition(e.id(), PaymentStatus.APPROVED, "approver-" + i, null)));
    assertThat(count("SELECT count(*) FROM payment_status_change WHERE ledger_id = ? AND to_status = 'APPROVED'",
        e.id())).isEqualTo(1);
  }

  @Test
  void manyPaymentsAtOnceAreWrittenOnceWithTheirHistory() {
    List<PaymentRequest> many = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      many.add(PaymentFixtures.bank("bulk:" + i, "100"));
    }
    // more keys than one lookup statement takes (1,000): the second part is found too
    Payments.Recorded first = tx.execute(s -> payments.recordAll(many, PaymentStatus.APPROVED, "it"));
    Payments.Recorded again = tx.execute(s -> payments.recordAll(many, PaymentStatus.APPROVED, "it"));
    assertThat(first.created()).isEqualTo(1500);
    assertThat(again.created()).isZero();
    assertThat(again.existing()).isEqualTo(1500);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_ledger l "
        + "ON l.id = c.ledger_id WHERE l.idempotency_key LIKE 'bulk:%'", Integer.class)).isEqualTo(1500);
  }
}
