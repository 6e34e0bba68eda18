package org.doudi.funds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.doudi.platform.Http;
import org.doudi.platform.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The funds SQL on PostgreSQL: the monitoring statement (VALUES month table, EXTRACT(EPOCH), time-zone bounds) gives
 * the same hand-computed figures as on H2; the price subsidy's awards streamed from the payroll while their payments
 * are written a chunk at a time through the payment module, on one connection; eight
 * concurrent entries of the same month's CPI add each household's subsidy exactly once; a recovery is recorded.
 */
class FundsPostgresIT {

  final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  @Test
  void monitoringPriceSubsidyAndRecoveryOnPostgres() throws Exception {
    String url = Postgres.freshDatabase("doudi_funds_it");
    try (ConfigurableApplicationContext app = Postgres.application(url)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
      Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());

      LedgerFixture f = new LedgerFixture(jdbc);
      f.row("DIBAO", "HH-M1", "220102", "500.00", "BANK", "2019-03-02T10:00", "2019-03-04T10:00", "2019-03-05T10:00", null);
      f.row("DIBAO", "HH-M1", "220102", "300.50", "BANK", "2019-03-03T10:00", "2019-03-04T10:00", "2019-03-09T22:00", null);
      f.row("DIBAO", "HH-M2", "220102", "200.00", "BANK", "2019-03-31T23:30", "2019-04-01T09:00", null, "2019-04-02T09:00");
      f.row("TEKUN", "HH-M3", "220102", "100.00", "BANK", "2019-03-31T20:00", "2019-03-31T21:00", "2019-04-01T00:10", null);
      f.row("TEMPORARY_EMERGENCY", "P-M4", "220122", "1000.00", "BANK", "2019-04-10T09:00", "2019-04-11T09:00", "2019-04-15T09:00", null);
      f.row("TEMPORARY_EMERGENCY", "P-M5", "220122", "800.00", "RESERVE_FUND", null, null, "2019-04-20T15:00", null);
      f.row("DIBAO", "HH-M6", "220581", "50.00", "BANK", "2019-03-15T10:00", null, null, null);
      f.row("DIBAO", "HH-M7", "220102", "999.00", "BANK", "2019-02-10T10:00", "2019-02-11T10:00", "2019-02-12T10:00", null);

      Http.Response r = http.get("demo", "/api/funds/monitoring?from=2019-03&to=2019-04");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(FundMonitoringTest.rows(json.readTree(r.body()))).containsExactly(
          "2019-03 220102 南关区 | 4 1100.50 | 2 800.50 1 | 0 0.00 | 4.8 6.5",
          "2019-03 220581 梅河口市 | 1 50.00 | 0 0.00 0 | 0 0.00 | - -",
          "2019-04 220102 南关区 | 0 0.00 | 1 100.00 1 | 1 200.00 | 0.2 0.2",
          "2019-04 220122 农安县 | 1 1000.00 | 2 1800.00 2 | 0 0.00 | 5.0 5.0");
      assertThat(FundMonitoringTest.rows(json.readTree(http.get("supervisor",
          "/api/funds/monitoring?from=2019-03&to=2019-04").body()))).hasSize(3);

      // price subsidy: 300 households in two counties, eight concurrent entries of the same month
      AwardFixture a = new AwardFixture(jdbc);
      for (int i = 0; i < 300; i++) {
        String county = i % 2 == 0 ? "220182" : "220581";
        a.change("HH-P" + i, i % 10 == 0 ? "TEKUN" : "DIBAO", 1, "GRANT", county, county + "100201", 1 + i % 3,
            "400.00", YearMonth.of(2019, 1));
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Http.Response>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<Http.Response> call = () -> {
          go.await();
          return http.send("analyst", "POST", "/api/funds/cpi",
              "{\"month\":\"2019-06\",\"regionCode\":\"220000\",\"cpiYoy\":3.6}");
        };
        results.add(pool.submit(call));
      }
      go.countDown();
      int computed = 0;
      for (Future<Http.Response> fr : results) {
        Http.Response res = fr.get();
        assertThat(res.status()).as(res.body()).isIn(201, 409);
        if (res.status() == 201) {
          JsonNode s = json.readTree(res.body()).get("subsidy");
          if (!s.get("alreadyComputed").asBoolean()) {
            computed++;
            assertThat(s.get("households").asInt()).isEqualTo(300);
          }
        }
      }
      pool.shutdown();
      assertThat(computed).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE idempotency_key LIKE 'price:2019-06:%'",
          Integer.class)).isEqualTo(300);
      // persons: i % 3 + 1 over 300 households = 600; TEKUN (every 10th, i%3+1 persons) at 40, the rest at 30
      int expected = 0;
      for (int i = 0; i < 300; i++) {
        expected += (1 + i % 3) * (i % 10 == 0 ? 40 : 30);
      }
      assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM payment_ledger WHERE idempotency_key LIKE 'price:2019-06:%'",
          java.math.BigDecimal.class)).isEqualByComparingTo(String.valueOf(expected));
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_ledger l ON l.id ="
          + " c.ledger_id WHERE l.idempotency_key LIKE 'price:2019-06:%'", Integer.class)).isEqualTo(300);

      // recovery on PostgreSQL (timestamps bound as Timestamp, process start in the same transaction)
      a.change("HH-R1", "DIBAO", 1, "GRANT", "220122", "220122100201", 2, "500.00", YearMonth.of(2019, 10));
      f.row("DIBAO", "HH-R1", "220122", "500.00", "BANK", "2019-10-05T10:00", "2019-10-06T10:00", "2019-10-08T10:00", null);
      Http.Response rec = http.send("na-county-cw", "POST", "/api/funds/recoveries",
          "{\"beneficiaryKey\":\"HH-R1\",\"scheme\":\"DIBAO\",\"months\":[\"2019-10\"],\"reason\":\"虚报\"}");
      assertThat(rec.status()).as(rec.body()).isEqualTo(201);
      assertThat(json.readTree(rec.body()).get("amount").decimalValue()).isEqualByComparingTo("500.00");
      assertThat(http.send("na-county-cw", "POST", "/api/funds/recoveries",
          "{\"beneficiaryKey\":\"HH-R1\",\"scheme\":\"DIBAO\",\"months\":[\"2019-10\"],\"reason\":\"虚报\"}").status())
          .isEqualTo(409);

      // the awards streamed a few at a time while each chunk's payments are written on the same connection between
      // two fetches (what price and holiday subsidies do with a province, 5,000 at a time); a household's awards
      // never straddle two chunks
      org.doudi.payroll.Awards awards = app.getBean(org.doudi.payroll.Awards.class);
      org.doudi.payment.Payments payments = app.getBean(org.doudi.payment.Payments.class);
      List<List<String>> chunks = new ArrayList<>();
      new org.springframework.transaction.support.TransactionTemplate(
          app.getBean(org.springframework.transaction.PlatformTransactionManager.class)).executeWithoutResult(tx ->
          awards.forEachActive(YearMonth.of(2019, 6), java.util.Set.of(org.doudi.payment.Scheme.DIBAO,
              org.doudi.payment.Scheme.TEKUN), org.doudi.payroll.Awards.Places.counties(List.of("22")), 7, chunk -> {
                chunks.add(chunk.stream().map(org.doudi.payroll.AwardRow::beneficiaryKey).toList());
                payments.recordAll(chunk.stream().map(aw -> new org.doudi.payment.PaymentRequest(
                    "it-stream:" + aw.beneficiaryKey(), org.doudi.payment.Scheme.FESTIVAL_SUBSIDY, aw.caseRef(),
                    new org.doudi.payment.Payee(aw.beneficiaryKey(), aw.payeeName(), aw.payeeIdNumber(),
                        aw.bankName(), aw.accountNumber()), aw.countyCode(), aw.regionCode(),
                    java.time.LocalDate.of(2019, 6, 1), java.time.LocalDate.of(2019, 6, 30), aw.monthlyAmount(),
                    org.doudi.payment.Channel.BANK, null, "IT")).toList(),
                    org.doudi.payment.PaymentStatus.APPROVED, "it");
              }));
      assertThat(chunks).hasSizeGreaterThan(40).allSatisfy(c -> assertThat(c).hasSizeBetween(1, 7));
      assertThat(chunks.stream().flatMap(List::stream)).hasSize(300).doesNotHaveDuplicates();
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE idempotency_key LIKE 'it-stream:%'",
          Integer.class)).isEqualTo(300);
    } finally {
      Postgres.dropIfTemporary(url);
    }
  }
}
