package org.doudi.funds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 价格临时补贴 on fixture awards in the demo counties 220122 (农安县) and 220102 (南关区) in 2019 (only counties of the
 * region table: the payroll's timer starts a run for every county that has awards); every fixture
 * award is stopped from 2019-12 so that no payroll of a later month sees them. Amounts from the sample
 * price-subsidy-amount.dmn: 低保 30.00 and 特困 40.00 per person.
 */
@DoudiTest
class PriceSubsidyTest {

  private static boolean loaded;

  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @BeforeEach
  void fixture() {
    if (loaded) {
      return;
    }
    loaded = true;
    AwardFixture a = new AwardFixture(jdbc);
    YearMonth jan18 = YearMonth.of(2018, 1);
    a.change("HH-C1", "DIBAO", 1, "GRANT", "220122", "220122100201", 3, "600.00", jan18);        // 3 × 30
    a.change("HH-C2", "TEKUN", 1, "GRANT", "220122", "220122100201", 1, "900.00", jan18);        // 1 × 40
    a.change("HH-C3", "DIBAO", 1, "GRANT", "220122", "220122100201", 2, "400.00", jan18);
    a.change("HH-C3", "DIBAO", 2, "STOP", "220122", "220122100201", 2, "400.00", YearMonth.of(2019, 6)); // stopped
    a.change("HH-C4", "DIBAO", 1, "GRANT", "220122", "220122100201", 1, "300.00", YearMonth.of(2019, 7)); // later
    a.change("HH-C5", "DIBAO", 1, "GRANT", "220122", "220122100201", 2, "400.00", jan18);
    a.change("HH-C5", "DIBAO", 2, "INCREASE", "220122", "220122100201", 4, "800.00", YearMonth.of(2019, 5)); // 4 × 30
    a.change("HH-C6", "DIBAO", 1, "GRANT", "220102", "220102001001", 1, "300.00", jan18);        // 南关: 1 × 30
    a.change("HH-C7", "DIBAO", 1, "GRANT", "220122", "220122100201", 1, "300.00", jan18);        // on both schemes:
    a.change("HH-C7", "TEKUN", 1, "GRANT", "220122", "220122100201", 1, "900.00", jan18);        // paid once, 特困 40
    for (String[] k : List.of(new String[] {"HH-C1", "DIBAO", "2"}, new String[] {"HH-C2", "TEKUN", "2"},
        new String[] {"HH-C4", "DIBAO", "2"}, new String[] {"HH-C5", "DIBAO", "3"}, new String[] {"HH-C6", "DIBAO", "2"},
        new String[] {"HH-C7", "DIBAO", "2"}, new String[] {"HH-C7", "TEKUN", "2"})) {
      a.change(k[0], k[1], Integer.parseInt(k[2]), "STOP", k[0].equals("HH-C6") ? "220102" : "220122",
          k[0].equals("HH-C6") ? "220102001001" : "220122100201", 1, "0.00", YearMonth.of(2019, 12));
    }
  }

  Http.Response cpi(String user, String body) {
    return new Http(port).send(user, "POST", "/api/funds/cpi", body);
  }

  List<Map<String, Object>> ledger(String month) {
    return jdbc.queryForList("SELECT idempotency_key, scheme, status, amount, payroll_month, county_code"
        + " FROM payment_ledger WHERE idempotency_key LIKE ? ORDER BY idempotency_key", "price:" + month + ":%");
  }

  @Test
  void provinceFigureAboveTheTriggerAddsTheSubsidyOnceAndASecondFigureAddsNothing() throws Exception {
    Http.Response r = cpi("analyst", "{\"month\":\"2019-06\",\"regionCode\":\"220000\",\"cpiYoy\":3.6,"
        + "\"foodCpiYoy\":4.0,\"source\":\"测试数据\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode out = json.readTree(r.body());
    assertThat(out.get("triggered").asBoolean()).isTrue();
    assertThat(out.get("reason").asText()).contains("3.5%");
    JsonNode s = out.get("subsidy");
    assertThat(s.get("alreadyComputed").asBoolean()).isFalse();
    assertThat(s.get("households").asInt()).isEqualTo(5);   // C1, C2, C5, C6, C7
    assertThat(s.get("persons").asInt()).isEqualTo(10);     // 3 + 1 + 4 + 1 + 1
    assertThat(s.get("total").decimalValue()).isEqualByComparingTo("320.00"); // 90 + 40 + 120 + 30 + 40
    // 审计留痕: who entered which figure and the subsidy it started
    assertThat(org.doudi.audit.AuditEntries.ofSubject(jdbc, "funds_cpi_figure " + out.get("figureId").asLong()))
        .singleElement().satisfies(e -> {
          assertThat(e.action()).isEqualTo("funds.CpiFigureEntered");
          assertThat(e.actor()).isEqualTo("analyst");
          assertThat(e.regionCode()).isEqualTo("220000");
          assertThat(e.after()).contains("\"households\":5", "320");
        });

    List<Map<String, Object>> rows = ledger("2019-06");
    assertThat(rows).extracting(m -> m.get("IDEMPOTENCY_KEY") != null ? m.get("IDEMPOTENCY_KEY") : m.get("idempotency_key"))
        .containsExactly("price:2019-06:HH-C1", "price:2019-06:HH-C2", "price:2019-06:HH-C5", "price:2019-06:HH-C6",
            "price:2019-06:HH-C7");
    Map<String, Object> c7 = jdbc.queryForMap("SELECT scheme, kind, status, amount, payroll_month, period_start,"
        + " period_end, channel, account_number FROM payment_ledger WHERE idempotency_key = 'price:2019-06:HH-C7'");
    assertThat(c7.get("SCHEME")).isEqualTo("PRICE_SUBSIDY");
    assertThat(c7.get("STATUS")).isEqualTo("CREATED");
    assertThat((java.math.BigDecimal) c7.get("AMOUNT")).isEqualByComparingTo("40.00");
    assertThat(((Date) c7.get("PAYROLL_MONTH")).toLocalDate()).isEqualTo(LocalDate.of(2019, 6, 1));
    assertThat(((Date) c7.get("PERIOD_END")).toLocalDate()).isEqualTo(LocalDate.of(2019, 6, 30));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_ledger l"
        + " ON l.id = c.ledger_id WHERE l.idempotency_key LIKE 'price:2019-06:%' AND c.from_status IS NULL"
        + " AND c.to_status = 'CREATED'", Integer.class)).isEqualTo(5);

    // the same month again (a corrected figure, a second click): recorded, nothing added
    Http.Response again = cpi("analyst", "{\"month\":\"2019-06\",\"regionCode\":\"220000\",\"cpiYoy\":3.9}");
    assertThat(again.status()).isEqualTo(201);
    JsonNode second = json.readTree(again.body()).get("subsidy");
    assertThat(second.get("alreadyComputed").asBoolean()).isTrue();
    assertThat(second.get("total").decimalValue()).isEqualByComparingTo("320.00");
    assertThat(ledger("2019-06")).hasSize(5);
    assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM payment_ledger WHERE idempotency_key LIKE 'price:2019-06:%'",
        java.math.BigDecimal.class)).isEqualByComparingTo("320.00");
    // a city figure for the same month: its own computation, but no household twice
    Http.Response city = cpi("supervisor", "{\"month\":\"2019-06\",\"regionCode\":\"220100\",\"cpiYoy\":3.7}");
    assertThat(city.status()).isEqualTo(201);
    assertThat(json.readTree(city.body()).get("subsidy").get("households").asInt()).isZero();
    assertThat(ledger("2019-06")).hasSize(5);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM funds_cpi_figure WHERE month = ?", Integer.class,
        Date.valueOf("2019-06-01"))).isEqualTo(3);
  }

  @Test
  void aSubsidyForAMonthWhosePayrollTheCountyAlreadyApprovedGoesIntoTheNextPayroll() throws Exception {
    // 农安县 approved (and sent) its payrolls for 2019-04 and 2019-05; 南关区 has not approved 2019-04
    for (String[] run : List.of(new String[] {"220122", "2019-04-01", "SENT"},
        new String[] {"220122", "2019-05-01", "APPROVED"}, new String[] {"220102", "2019-04-01", "ROSTER"})) {
      jdbc.update("INSERT INTO payroll_run (county_code, payroll_month, status, created_at, created_by)"
          + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, 'test')", run[0], Date.valueOf(run[1]), run[2]);
    }
    Http.Response r = cpi("analyst", "{\"month\":\"2019-04\",\"regionCode\":\"220000\",\"cpiYoy\":3.6}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    Map<String, Object> late = jdbc.queryForMap("SELECT payroll_month, period_start FROM payment_ledger"
        + " WHERE idempotency_key = 'price:2019-04:HH-C1'");
    assertThat(((Date) late.get("PAYROLL_MONTH")).toLocalDate()).as("after 农安县's last approved payroll")
        .isEqualTo(LocalDate.of(2019, 6, 1));
    assertThat(((Date) late.get("PERIOD_START")).toLocalDate()).as("still the subsidy of April")
        .isEqualTo(LocalDate.of(2019, 4, 1));
    assertThat(jdbc.queryForObject("SELECT payroll_month FROM payment_ledger WHERE idempotency_key = "
        + "'price:2019-04:HH-C6'", Date.class).toLocalDate()).as("南关区's April payroll is not approved yet")
        .isEqualTo(LocalDate.of(2019, 4, 1));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_ledger l"
        + " ON l.id = c.ledger_id WHERE l.idempotency_key LIKE 'price:2019-04:%'", Integer.class))
        .as("C1, C2, C3 (stopped only from June), C5, C6, C7: one history row each").isEqualTo(6);
  }

  @Test
  void figureBelowTheTriggerAddsNothingUntilACorrectionMeetsTheFoodTrigger() throws Exception {
    Http.Response r = cpi("analyst", "{\"month\":\"2019-07\",\"regionCode\":\"220000\",\"cpiYoy\":2.1,\"foodCpiYoy\":3.0}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode out = json.readTree(r.body());
    assertThat(out.get("triggered").asBoolean()).isFalse();
    assertThat(out.get("subsidy").isNull() || out.get("subsidy").isEmpty()).isTrue();
    assertThat(ledger("2019-07")).isEmpty();
    // exactly at the threshold of the food rule
    Http.Response food = cpi("analyst", "{\"month\":\"2019-07\",\"regionCode\":\"220000\",\"cpiYoy\":2.1,\"foodCpiYoy\":6.0}");
    JsonNode fired = json.readTree(food.body());
    assertThat(fired.get("triggered").asBoolean()).isTrue();
    assertThat(fired.get("reason").asText()).contains("食品");
    // July: HH-C4 (granted from July) is in, HH-C3 stopped since June is not
    assertThat(fired.get("subsidy").get("households").asInt()).isEqualTo(6);
    assertThat(ledger("2019-07")).hasSize(6);
  }

  @Test
  void cityFigureCoversOnlyTheCity() throws Exception {
    Http.Response r = cpi("supervisor", "{\"month\":\"2019-08\",\"regionCode\":\"220100\",\"cpiYoy\":4.0}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    // both demo counties lie in 长春市 (a county outside the city is covered by FundsPostgresIT's own database)
    assertThat(ledger("2019-08")).hasSize(6).anyMatch(m -> m.containsValue("price:2019-08:HH-C6"));
    // the supervisor's own region is the default
    Http.Response dflt = cpi("supervisor", "{\"month\":\"2019-09\",\"cpiYoy\":1.0}");
    assertThat(dflt.status()).as(dflt.body()).isEqualTo(201);
    assertThat(jdbc.queryForObject("SELECT region_code FROM funds_cpi_figure WHERE month = ?", String.class,
        Date.valueOf("2019-09-01"))).isEqualTo("220100");
  }

  @Test
  void refusals() {
    assertThat(cpi(null, "{\"month\":\"2019-05\",\"regionCode\":\"220000\",\"cpiYoy\":3.6}").status()).isEqualTo(401);
    assertThat(cpi("na-county-cw", "{\"month\":\"2019-05\",\"regionCode\":\"220000\",\"cpiYoy\":3.6}").status())
        .isEqualTo(403);
    // a city supervisor cannot enter the province's figure
    assertThat(cpi("supervisor", "{\"month\":\"2019-05\",\"regionCode\":\"220000\",\"cpiYoy\":3.6}").status())
        .isEqualTo(403);
    Http.Response badMonth = cpi("analyst", "{\"month\":\"2019-5\",\"regionCode\":\"220000\",\"cpiYoy\":3.6}");
    assertThat(badMonth.status()).isEqualTo(400);
    assertThat(badMonth.body()).contains("yyyy-MM");
    assertThat(cpi("analyst", "{\"month\":\"2019-05\",\"regionCode\":\"220000\",\"cpiYoy\":3.555}").body())
        .contains("最多两位小数");
    assertThat(cpi("analyst", "{\"month\":\"2019-05\",\"regionCode\":\"220000\"}").status()).isEqualTo(400);
    assertThat(cpi("analyst", "{\"month\":\"2099-01\",\"regionCode\":\"220000\",\"cpiYoy\":3.6}").body())
        .contains("未来月份");
    assertThat(cpi("analyst", "{\"month\":\"2019-05\",\"regionCode\":\"220102\",\"cpiYoy\":3.6}").status())
        .isEqualTo(400);
    assertThat(cpi("analyst", "{\"month\":\"2019-05\",\"regionCode\":\"220000\",\"cpiYoy\":\"abc\"}").status())
        .isEqualTo(400);
    assertThat(cpi("analyst", null).status()).isEqualTo(400);
    // nothing of the refused requests was stored
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM funds_cpi_figure WHERE month = ?", Integer.class,
        Date.valueOf("2019-05-01"))).isZero();
  }
}
