package org.doudi.funds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Monitoring figures on fixture ledger rows in 2019 (no other test writes that year), computed by hand:
 * month bounds in Asia/Shanghai, approvals by approved_at, payments and returns by their status change.
 */
@DoudiTest
class FundMonitoringTest {

  private static boolean loaded;

  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

  @BeforeEach
  void fixture() {
    if (loaded) {
      return;
    }
    loaded = true;
    LedgerFixture f = new LedgerFixture(jdbc);
    // 南关区 220102: two payments to one household in March, 3.0 and 6.5 days after approval
    f.row("DIBAO", "HH-M1", "220102", "500.00", "BANK", "2019-03-02T10:00", "2019-03-04T10:00", "2019-03-05T10:00", null);
    f.row("DIBAO", "HH-M1", "220102", "300.50", "BANK", "2019-03-03T10:00", "2019-03-04T10:00", "2019-03-09T22:00", null);
    // approved on the last evening of March (Shanghai), returned by the bank in April
    f.row("DIBAO", "HH-M2", "220102", "200.00", "BANK", "2019-03-31T23:30", "2019-04-01T09:00", null, "2019-04-02T09:00");
    // approved in March, paid ten minutes after midnight on 1 April Shanghai time (still 31 March UTC)
    f.row("TEKUN", "HH-M3", "220102", "100.00", "BANK", "2019-03-31T20:00", "2019-03-31T21:00", "2019-04-01T00:10", null);
    // 农安县 220122: bank payment 5 days after approval; a reserve-fund payment handed over on the spot (no approval time)
    f.row("TEMPORARY_EMERGENCY", "P-M4", "220122", "1000.00", "BANK", "2019-04-10T09:00", "2019-04-11T09:00", "2019-04-15T09:00", null);
    f.row("TEMPORARY_EMERGENCY", "P-M5", "220122", "800.00", "RESERVE_FUND", null, null, "2019-04-20T15:00", null);
    // 梅河口市 220581 (outside the demo slice, one of the shipped counties): approved only
    f.row("DIBAO", "HH-M6", "220581", "50.00", "BANK", "2019-03-15T10:00", null, null, null);
    // outside the range: February
    f.row("DIBAO", "HH-M7", "220102", "999.00", "BANK", "2019-02-10T10:00", "2019-02-11T10:00", "2019-02-12T10:00", null);
  }

  JsonNode get(String user, String path) throws Exception {
    Http.Response r = new Http(port).get(user, path);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  static String row(JsonNode r) {
    return r.get("month").asText() + " " + r.get("countyCode").asText() + " " + r.get("countyName").asText("") + " | "
        + r.get("approvedCount").asLong() + " " + r.get("approvedAmount").decimalValue().toPlainString() + " | "
        + r.get("paidCount").asLong() + " " + r.get("paidAmount").decimalValue().toPlainString() + " "
        + r.get("paidBeneficiaries").asLong() + " | "
        + r.get("returnedCount").asLong() + " " + r.get("returnedAmount").decimalValue().toPlainString() + " | "
        + (r.get("avgDaysToPayment").isNull() ? "-" : r.get("avgDaysToPayment").decimalValue().toPlainString()) + " "
        + (r.get("maxDaysToPayment").isNull() ? "-" : r.get("maxDaysToPayment").decimalValue().toPlainString());
  }

  static List<String> rows(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("rows").forEach(r -> out.add(row(r)));
    return out;
  }

  @Test
  void administratorSeesEveryCountyWithExactFigures() throws Exception {
    JsonNode report = get("demo", "/api/funds/monitoring?from=2019-03&to=2019-04");
    assertThat(rows(report)).containsExactly(
        "2019-03 220102 南关区 | 4 1100.50 | 2 800.50 1 | 0 0.00 | 4.8 6.5",
        "2019-03 220581 梅河口市 | 1 50.00 | 0 0.00 0 | 0 0.00 | - -",
        "2019-04 220102 南关区 | 0 0.00 | 1 100.00 1 | 1 200.00 | 0.2 0.2",
        "2019-04 220122 农安县 | 1 1000.00 | 2 1800.00 2 | 0 0.00 | 5.0 5.0");
    JsonNode totals = report.get("totals");
    assertThat(totals.get("approvedAmount").decimalValue()).isEqualByComparingTo("2150.50");
    assertThat(totals.get("paidAmount").decimalValue()).isEqualByComparingTo("2700.50");
    assertThat(totals.get("returnedCount").asLong()).isEqualTo(1);
  }

  @Test
  void countyFilterAndSingleMonth() throws Exception {
    assertThat(rows(get("demo", "/api/funds/monitoring?from=2019-04&to=2019-04&county=220122")))
        .containsExactly("2019-04 220122 农安县 | 1 1000.00 | 2 1800.00 2 | 0 0.00 | 5.0 5.0");
    assertThat(rows(get("demo", "/api/funds/monitoring?from=2019-02&to=2019-02")))
        .containsExactly("2019-02 220102 南关区 | 1 999.00 | 1 999.00 1 | 0 0.00 | 2.0 2.0");
  }

  @Test
  void countyStaffSeeTheirCountyAndSupervisorsTheirCity() throws Exception {
    assertThat(rows(get("na-county-cw", "/api/funds/monitoring?from=2019-03&to=2019-04")))
        .allMatch(r -> r.contains(" 220122 ")).hasSize(1);
    // another county's figures requested explicitly: nothing, not an error
    assertThat(rows(get("na-county-cw", "/api/funds/monitoring?from=2019-03&to=2019-04&county=220102"))).isEmpty();
    assertThat(rows(get("supervisor", "/api/funds/monitoring?from=2019-03&to=2019-04")))
        .hasSize(3).noneMatch(r -> r.contains("220581"));
    assertThat(get("supervisor", "/api/funds/monitoring?from=2019-03&to=2019-04").get("scope").get(0).asText())
        .isEqualTo("2201");
    assertThat(rows(get("auditor", "/api/funds/monitoring?from=2019-03&to=2019-04"))).hasSize(4);
  }

  @Test
  void refusals() {
    Http http = new Http(port);
    assertThat(http.get(null, "/api/funds/monitoring?from=2019-03&to=2019-04").status()).isEqualTo(401);
    assertThat(http.get("nanling-cw", "/api/funds/monitoring?from=2019-03&to=2019-04").status()).isEqualTo(403);
    Http.Response bad = http.get("demo", "/api/funds/monitoring?from=2019-13&to=2019-04");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("月份格式应为 yyyy-MM");
    assertThat(http.get("demo", "/api/funds/monitoring?from=2019-05&to=2019-04").body()).contains("起始月份不能晚于结束月份");
    assertThat(http.get("demo", "/api/funds/monitoring?from=2016-01&to=2019-04").status()).isEqualTo(400);
    assertThat(http.get("demo", "/api/funds/monitoring?from=2019-01&to=2019-04&county=22x").status()).isEqualTo(400);
    assertThat(http.get("demo", "/api/funds/monitoring?to=2019-04").status()).isEqualTo(400);
  }

  @Test
  void csvExportHasBomChineseHeaderAndTheSameFigures() throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/funds/monitoring.csv?from=2019-03&to=2019-04"))
        .header("Authorization", basic("auditor")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("UTF-8");
    assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment").contains("funds-monitoring-2019-03_2019-04.csv");
    byte[] body = r.body();
    assertThat(body[0] & 0xff).isEqualTo(0xEF);
    assertThat(body[1] & 0xff).isEqualTo(0xBB);
    assertThat(body[2] & 0xff).isEqualTo(0xBF);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n")).containsExactly(
        "月份,县级区划代码,县级区划名称,批准笔数,批准金额(元),支付笔数,支付金额(元),支付户(人)数,退回笔数,退回金额(元),批准至支付平均天数,批准至支付最长天数",
        "2019-03,220102,南关区,4,1100.50,2,800.50,1,0,0.00,4.8,6.5",
        "2019-03,220581,梅河口市,1,50.00,0,0.00,0,0,0.00,,",
        "2019-04,220102,南关区,0,0.00,1,100.00,1,1,200.00,0.2,0.2",
        "2019-04,220122,农安县,1,1000.00,2,1800.00,2,0,0.00,5.0,5.0");
    assertThat(text).endsWith("\r\n");
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
