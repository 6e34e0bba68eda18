package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.payroll.PayrollFixture.BAOTA;
import static org.doudi.payroll.PayrollFixture.NONGAN;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.doudi.household.TestApplications;
import org.doudi.payment.Payee;
import org.doudi.payment.Scheme;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The award reads mask ID and account numbers as /api/payments does, and analysts read no award at all. */
@DoudiTest
class AwardReadsTest {

  @LocalServerPort int port;
  @Autowired Awards awards;

  @Test
  void awardsAreMaskedLikePaymentsAndAnalystsReadNone() {
    String id = TestApplications.id("22012219630101071");
    String key = "P-" + id;
    String account = "6228480012345678901";
    awards.grant(new AwardGrant(key, Scheme.DIBAO, "case-" + key, NONGAN, BAOTA, "RURAL", 1,
        new Payee(key, "褚八", id, "农安农商银行", account), new BigDecimal("300"), LocalDate.parse("2034-01-10"),
        "测试批准"), "na-county-approver");
    Http http = new Http(port);

    Http.Response r = http.get("na-county-cw", "/api/awards/" + key);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("褚八").contains("\"payeeIdNumber\":\"220122********" + id.substring(14))
        .contains("\"accountNumber\":\"***************8901\"")
        .contains("\"beneficiaryKey\":\"P-220122********" + id.substring(14))
        .doesNotContain(id).doesNotContain(account);
    Http.Response requests = http.get("na-county-cw", "/api/awards/" + key + "/change-requests");
    assertThat(requests.status()).isEqualTo(200);
    assertThat(requests.body()).doesNotContain(id);

    assertThat(http.get("analyst", "/api/awards/" + key).status()).isEqualTo(403);
    assertThat(http.get("analyst", "/api/awards/" + key + "/change-requests").status()).isEqualTo(403);
    assertThat(http.get("auditor", "/api/awards/" + key).status()).isEqualTo(200);
  }
}
