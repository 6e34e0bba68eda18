package org.doudi.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/payments: staff of the payment's region and above see it, masked; others do not. */
@DoudiTest
class PaymentApiTest {

  @LocalServerPort int port;
  @Autowired Payments payments;
  @Autowired ObjectMapper json;

  @Test
  void staffOfTheRegionSeeTheCasePaymentsMasked() throws Exception {
    String key = "api:" + UUID.randomUUID();
    LedgerEntry e = payments.record(PaymentFixtures.bank(key, "880"), PaymentStatus.APPROVED, "nanling-cw");
    Http http = new Http(port);

    Http.Response mine = http.get("nanling-cw", "/api/payments?caseRef=" + e.caseRef());
    assertThat(mine.status()).isEqualTo(200);
    JsonNode row = json.readTree(mine.body()).get(0);
    assertThat(row.get("amount").decimalValue()).isEqualByComparingTo("880");
    assertThat(row.get("statusLabel").asText()).isEqualTo("已审批");
    assertThat(row.get("payeeIdNumber").asText()).isEqualTo("220102********1234");
    assertThat(row.get("accountNumber").asText()).isEqualTo("***************2333");
    assertThat(mine.body()).doesNotContain(PaymentFixtures.PERSON, "6222000011112222333");
    assertThat(row.get("history").get(0).get("to").asText()).isEqualTo("APPROVED");

    assertThat(http.get("supervisor", "/api/payments/" + e.id()).status()).as("city supervisor").isEqualTo(200);
    assertThat(http.get("ng-county-cw", "/api/payments/" + e.id()).status()).isEqualTo(200);
    assertThat(http.get("nongan-cw", "/api/payments/" + e.id()).status()).as("another county").isEqualTo(404);
    assertThat(json.readTree(http.get("nongan-cw", "/api/payments?caseRef=" + e.caseRef()).body())).isEmpty();
    assertThat(http.get("analyst", "/api/payments/" + e.id()).status()).as("analysts see models, not cases")
        .isEqualTo(403);
    assertThat(http.get("nanling-cw", "/api/payments/999999999").status()).isEqualTo(404);
  }
}
