package org.doudi.care;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.doudi.care.CareFixture.Person;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.ProcessFixture;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.CareMode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/** The care endpoints over HTTP with the demo users: 201/200, 400 in Chinese, 401, 403 by role and county, 404. */
@DoudiTest
class CareApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired CareArrangements care;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  Http http;
  CareFixture c;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    c = new CareFixture(jdbc, events, care);
    c.clean();
  }

  @Test
  void countyStaffRegisterInstitutionsAndBedsOfTheirCountyOnly() throws Exception {
    String body = "{\"name\":\"农安县第二敬老院\",\"countyCode\":\"220122\",\"kind\":\"ELDERLY\"}";
    assertThat(http.send(null, "POST", "/api/care/institutions", body).status()).isEqualTo(401);
    assertThat(http.send("nongan-cw", "POST", "/api/care/institutions", body).status()).as("township role")
        .isEqualTo(403);
    assertThat(http.send("ng-county-cw", "POST", "/api/care/institutions", body).status()).as("another county")
        .isEqualTo(403);
    Http.Response r = http.send("na-county-cw", "POST", "/api/care/institutions", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = json.readTree(r.body()).get("id").asLong();
    assertThat(json.readTree(r.body()).get("cityCode").asText()).isEqualTo("220100");
    assertThat(http.send("na-county-cw", "POST", "/api/care/institutions", body).body()).contains("已登记名为");

    Http.Response beds = http.send("na-county-cw", "POST", "/api/care/institutions/" + id + "/beds",
        "{\"bedType\":\"NURSING\",\"bedNos\":[\"101\",\"102\"]}");
    assertThat(beds.status()).as(beds.body()).isEqualTo(200);
    JsonNode i = json.readTree(beds.body());
    assertThat(i.get("nursingBeds").asInt()).isEqualTo(2);
    assertThat(i.get("freeNursing").asInt()).isEqualTo(2);
    assertThat(http.send("ng-county-cw", "POST", "/api/care/institutions/" + id + "/beds",
        "{\"bedType\":\"NURSING\",\"bedNos\":[\"103\"]}").status()).isEqualTo(403);
    assertThat(http.send("na-county-cw", "POST", "/api/care/institutions/999999/beds",
        "{\"bedType\":\"NURSING\",\"bedNos\":[\"103\"]}").status()).isEqualTo(404);
    Http.Response again = http.send("na-county-cw", "POST", "/api/care/institutions/" + id + "/beds",
        "{\"bedType\":\"GENERAL\",\"bedNos\":[\"101\"]}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("床位号101已登记");

    Http.Response list = http.get("supervisor", "/api/care/institutions?regionCode=220100");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains("农安县第二敬老院");
    assertThat(http.get("ng-county-cw", "/api/care/institutions?regionCode=220122").status()).isEqualTo(403);
    assertThat(http.get("ng-county-cw", "/api/care/institutions").body()).doesNotContain("农安县第二敬老院");
  }

  @Test
  void badInputIsA400InChineseNamingTheFields() throws Exception {
    Http.Response r = http.send("na-county-cw", "POST", "/api/care/institutions",
        "{\"name\":\"\",\"countyCode\":\"22\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("请填写机构名称").contains("县级区划代码 countyCode 应为6位数字").contains("请选择机构类型");
    Http.Response kind = http.send("na-county-cw", "POST", "/api/care/institutions",
        "{\"name\":\"某院\",\"countyCode\":\"220122\",\"kind\":\"HOTEL\"}");
    assertThat(kind.status()).isEqualTo(400);
    assertThat(kind.body()).contains("请求内容无法读取");
    Http.Response county = http.send("na-county-cw", "POST", "/api/care/institutions",
        "{\"name\":\"某院\",\"countyCode\":\"229999\",\"kind\":\"ELDERLY\"}");
    assertThat(county.status()).isEqualTo(400);
    assertThat(county.body()).contains("县级区划代码229999不存在");
    assertThat(http.send("na-county-cw", "POST", "/api/care/institutions", "{not json").status()).isEqualTo(400);

    long id = c.institution("农安县中心敬老院", CareFixture.NONGAN, InstitutionKind.ELDERLY, 0, 0).id();
    Http.Response beds = http.send("na-county-cw", "POST", "/api/care/institutions/" + id + "/beds",
        "{\"bedNos\":[\"1 2\", \"\"]}");
    assertThat(beds.status()).isEqualTo(400);
    assertThat(beds.body()).contains("请选择床位类型").contains("床位号应为1至20位");
    assertThat(http.send("na-county-cw", "POST", "/api/care/institutions/" + id + "/beds",
        "{\"bedType\":\"NURSING\",\"bedNos\":[]}").body()).contains("请填写床位号");
    assertThat(http.send("na-county-cw", "POST", "/api/care/institutions/" + id + "/beds",
        "{\"bedType\":\"NURSING\",\"bedNos\":[\"7\",\"7\"]}").body()).contains("床位号有重复");
    assertThat(http.get("na-county-cw", "/api/care/placements?status=SLEEPING").status()).isEqualTo(400);
    assertThat(http.get("na-county-cw", "/api/care/waiting-list?size=0").status()).isEqualTo(400);
    assertThat(http.get("na-county-cw", "/api/care/agreements?regionCode=999").status()).isEqualTo(400);
    assertThat(http.get("na-county-cw", "/api/care/placements/abc").status()).isEqualTo(400);
  }

  @Test
  void placementsWaitingListAndAgreementsAreSeenWithinTheRegionOnly() throws Exception {
    Person waiting = c.elder("等甲", CareFixture.NONGAN, CareFixture.NONGAN_VILLAGE, CareLevel.FULL,
        CareMode.CENTRALISED);
    ProcessFixture f = new ProcessFixture(tasks, management);
    f.runJobs(c.request(waiting).processInstanceId());
    long requestId = c.request(waiting).id();

    Http.Response list = http.get("nongan-cw", "/api/care/waiting-list");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonNode head = json.readTree(list.body()).get(0);
    assertThat(head.get("fullName").asText()).isEqualTo("等甲");
    assertThat(head.get("position").asInt()).isEqualTo(1);
    assertThat(head.get("idNumberMasked").asText()).contains("*").isNotEqualTo(waiting.idNumber());
    assertThat(list.body()).doesNotContain(waiting.idNumber());
    assertThat(http.get("ng-county-cw", "/api/care/waiting-list").body()).doesNotContain("等甲");
    assertThat(http.get("ng-county-cw", "/api/care/waiting-list?regionCode=220122").status()).isEqualTo(403);
    assertThat(http.get("na-county-cw", "/api/care/placements/" + requestId).status()).isEqualTo(200);
    assertThat(http.get("ng-county-cw", "/api/care/placements/" + requestId).status()).isEqualTo(404);
    assertThat(http.get("analyst", "/api/care/placements/" + requestId).status()).isEqualTo(403);

    Person home = c.elder("散乙", CareFixture.NONGAN, CareFixture.NONGAN_VILLAGE, CareLevel.PARTIAL,
        CareMode.DISPERSED);
    long agreementId = c.agreement(home).id();
    Http.Response a = http.get("baota", "/api/care/agreements/" + agreementId);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(json.readTree(a.body()).get("status").asText()).isEqualTo("PENDING");
    assertThat(http.get("nanling-cw", "/api/care/agreements/" + agreementId).status()).isEqualTo(404);
    assertThat(http.get("nongan-cw", "/api/care/agreements").body()).contains("散乙");
    assertThat(http.get("fulongquan-cw", "/api/care/agreements").body()).doesNotContain("散乙");
  }
}
