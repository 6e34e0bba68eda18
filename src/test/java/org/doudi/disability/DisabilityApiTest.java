package org.doudi.disability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.Households;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.register.BenefitRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The disability endpoints over HTTP with the demo users: 201, 400 in Chinese, 403 by role and region, 404. */
@DoudiTest
class DisabilityApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired Households households;
  @Autowired BenefitRegister register;
  @Autowired DisabilitySubsidies subsidies;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  String onDibaoInBaota() {
    HouseholdApplication a = DisabilitySubsidyTest.household(DisabilityCategory.INTELLECTUAL, 2, null, null);
    long id = households.register(a, "test");
    households.updateStatus(id, ApplicationStatus.APPROVED);
    register.activate("HH-" + id, "DIBAO", "case-" + id, "220122", "220122100201", DisabilitySubsidyTest.persons(a),
        "test");
    return a.members().get(1).idNumber();
  }

  static String body(String kind, String idNumber) {
    return "{\"kind\":\"" + kind + "\",\"idNumber\":\"" + idNumber + "\"}";
  }

  @Test
  void aCaseworkerOfThePersonsRegionAppliesAndReadsTheFileOthersAreRefused() throws Exception {
    String id = onDibaoInBaota();
    assertThat(http.send("analyst", "POST", "/api/disability/applications", body("CARE", id)).status())
        .isEqualTo(403);
    assertThat(http.send("ng-county-cw", "POST", "/api/disability/applications", body("CARE", id)).status())
        .as("another county").isEqualTo(403);

    Http.Response r = http.send("baota", "POST", "/api/disability/applications", body("CARE", id));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long appId = json.readTree(r.body()).get("applicationId").asLong();

    Http.Response file = http.get("nongan-cw", "/api/disability/applications/" + appId);
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    JsonNode f = json.readTree(file.body());
    assertThat(f.get("kindLabel").asText()).isEqualTo("重度残疾人护理补贴");
    assertThat(f.get("idNumberMasked").asText()).contains("*").doesNotContain(id);
    assertThat(http.get("ng-county-cw", "/api/disability/applications/" + appId).status()).isEqualTo(404);

    Http.Response again = http.send("baota", "POST", "/api/disability/applications", body("CARE", id));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("已有办理中的重度残疾人护理补贴申请");
  }

  @Test
  void badInputIsA400InChineseNamingTheFields() throws Exception {
    Http.Response r = http.send("nongan-cw", "POST", "/api/disability/applications",
        "{\"kind\":\"HOUSING\",\"idNumber\":\"123\",\"accountNumber\":\"12\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("补贴类别").contains("身份证号码").contains("开户银行和银行账号须同时填写");
    assertThat(http.send("nongan-cw", "POST", "/api/disability/applications", "{not json").status())
        .isEqualTo(400);
    assertThat(http.send("nongan-cw", "POST", "/api/disability/applications", "").status()).isEqualTo(400);
  }

  @Test
  void candidatesAreListedForTheCallersRegionOnly() throws Exception {
    String id = onDibaoInBaota();
    subsidies.discover("220122", "system");
    Http.Response own = http.get("nongan-cw", "/api/disability/candidates?size=200");
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    JsonNode page = json.readTree(own.body());
    assertThat(page.get("total").asInt()).isPositive();
    assertThat(own.body()).doesNotContain(id);
    assertThat(http.get("nongan-cw", "/api/disability/candidates?regionCode=220102").status()).isEqualTo(403);
    assertThat(http.get("nongan-cw", "/api/disability/candidates?regionCode=999999").status()).isEqualTo(400);
    assertThat(http.get("nongan-cw", "/api/disability/candidates?size=0").status()).isEqualTo(400);
    assertThat(http.get("supervisor", "/api/disability/candidates?regionCode=220122").status()).isEqualTo(200);
  }
}
