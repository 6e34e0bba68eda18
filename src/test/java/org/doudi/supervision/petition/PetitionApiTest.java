package org.doudi.supervision.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.doudi.household.TestApplications;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The petition endpoints over HTTP with the demo users: 201, 400 in Chinese with nothing stored, 403, 404. */
@DoudiTest
class PetitionApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  static String body(String idNumber, String regionCode, String cases) {
    return "{\"kind\":\"COMPLAINT\",\"channel\":\"PHONE\",\"petitionerName\":\"李四\",\"idNumber\":\"" + idNumber
        + "\",\"contact\":\"13800000000\",\"claim\":\"举报低保审核时未入户调查。\",\"regionCode\":\"" + regionCode
        + "\",\"concernedCases\":" + cases + "}";
  }

  int petitions() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM petition", Integer.class)
        + jdbc.queryForObject("SELECT COUNT(*) FROM petition_event", Integer.class);
  }

  @Test
  void aCaseworkerRegistersAComplaintAboutACaseAndFindsItByTheCaseOthersAreRefused() throws Exception {
    Http.Response hardship = http.send("nongan-cw", "POST", "/engine-rest/process-definition/key/hardship-report/start",
        "{\"variables\":{\"householdHead\":{\"value\":\"孙八\"},\"address\":{\"value\":\"宝塔村3组\"},"
            + "\"discoverySource\":{\"value\":\"VISIT\"},\"situation\":{\"value\":\"独居老人\"}}}");
    assertThat(hardship.status()).as(hardship.body()).isEqualTo(200);
    String casePid = json.readTree(hardship.body()).get("id").asText();
    String cases = "[{\"type\":\"PROCESS_INSTANCE\",\"ref\":\"" + casePid + "\"}]";

    assertThat(http.send("analyst", "POST", "/api/petitions", body(TestApplications.ZHANG_SAN, "220122100201", cases))
        .status()).isEqualTo(403);
    assertThat(http.send("na-county-approver", "POST", "/api/petitions", body(TestApplications.ZHANG_SAN,
        "220122100201", cases)).status()).as("an approver does not register").isEqualTo(403);
    assertThat(http.send("ng-county-cw", "POST", "/api/petitions", body(TestApplications.ZHANG_SAN, "220122100201",
        cases)).status()).as("another county").isEqualTo(403);

    Http.Response r = http.send("nongan-cw", "POST", "/api/petitions", body(TestApplications.ZHANG_SAN,
        "220122100201", cases));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = json.readTree(r.body()).get("petitionId").asLong();

    Http.Response file = http.get("na-county-cw", "/api/petitions/" + id);
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    JsonNode f = json.readTree(file.body());
    assertThat(f.get("kindLabel").asText()).isEqualTo("监督举报");
    assertThat(f.get("idNumberMasked").asText()).contains("*");
    assertThat(f.get("routeBy").asText()).isNotBlank();
    assertThat(f.get("concernedCases").get(0).get("ref").asText()).isEqualTo(casePid);
    assertThat(http.get("ng-county-cw", "/api/petitions/" + id).status()).as("another county").isEqualTo(404);
    assertThat(http.get("analyst", "/api/petitions/" + id).status()).isEqualTo(403);

    Http.Response list = http.get("nongan-cw", "/api/petitions?processInstanceId=" + casePid);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(json.readTree(list.body()).get(0).get("petitionId").asLong()).isEqualTo(id);
    assertThat(json.readTree(http.get("ng-county-cw", "/api/petitions?processInstanceId=" + casePid).body()))
        .as("another county sees none").isEmpty();
    Http.Response none = http.get("nongan-cw", "/api/petitions");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).contains("只提供一个案件");

    Http.Response early = http.send("nongan-cw", "POST", "/api/petitions/" + id + "/reexamination-requests",
        "{\"reason\":\"不服\"}");
    assertThat(early.status()).as(early.body()).isEqualTo(400);
    assertThat(early.body()).contains("尚未出具书面答复意见");
    assertThat(http.send("nongan-cw", "POST", "/api/petitions/" + id + "/final-review-requests",
        "{\"reason\":\"不服\"}").status()).isEqualTo(400);
    assertThat(http.send("nongan-cw", "POST", "/api/petitions/999999/final-review-requests",
        "{\"reason\":\"不服\"}").status()).isEqualTo(404);
  }

  @Test
  void theEndpointsAreListedInOpenApi() {
    Http.Response api = http.get("nongan-cw", "/api/openapi");
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.body()).contains("\"/api/petitions\"", "\"/api/petitions/{petitionId}\"",
        "\"/api/petitions/{petitionId}/reexamination-requests\"", "\"/api/petitions/{petitionId}/final-review-requests\"",
        "信访和监督举报");
  }

  @Test
  void badRegistrationsAreRefusedInChineseAndNothingIsStored() {
    int before = petitions();
    Http.Response empty = http.send("nongan-cw", "POST", "/api/petitions", "{}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("请填写信访人姓名", "请填写信访事项", "请选择信访渠道");

    Http.Response badId = http.send("nongan-cw", "POST", "/api/petitions", body("220122195001010019", "220122100201",
        "[]"));
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.body()).contains("身份证号码").contains("无效");

    Http.Response badCase = http.send("nongan-cw", "POST", "/api/petitions", body(TestApplications.ZHANG_SAN,
        "220122100201", "[{\"type\":\"AWARD\",\"ref\":\"NOPE/H-1\"},{\"type\":\"CASE\",\"ref\":\"x\"}]"));
    assertThat(badCase.status()).isEqualTo(400);
    assertThat(badCase.body()).contains("涉及案件的类型应为");

    Http.Response badAward = http.send("nongan-cw", "POST", "/api/petitions", body(TestApplications.ZHANG_SAN,
        "220122100201", "[{\"type\":\"AWARD\",\"ref\":\"NOPE/H-1\"},{\"type\":\"TEKUN_PERSON\",\"ref\":\"abc\"}]"));
    assertThat(badAward.status()).isEqualTo(400);
    assertThat(badAward.body()).contains("救助项目/对象编号", "特困人员编号应为数字");

    Http.Response badRegion = http.send("nongan-cw", "POST", "/api/petitions", body(TestApplications.ZHANG_SAN,
        "229999999999", "[]"));
    assertThat(badRegion.status()).isEqualTo(400);
    assertThat(badRegion.body()).contains("行政区划代码");

    Http.Response broken = http.send("nongan-cw", "POST", "/api/petitions", "{\"kind\":");
    assertThat(broken.status()).isEqualTo(400);

    Http.Response noReason = http.send("nongan-cw", "POST", "/api/petitions/1/reexamination-requests", "{}");
    assertThat(noReason.status()).isIn(400, 404);
    assertThat(petitions()).isEqualTo(before);
  }
}
