package org.doudi.supervision.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The vagrant endpoints over HTTP with the demo users: 201, 400 in Chinese with nothing stored, 403, 404. */
@DoudiTest
class VagrantApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  static String body(String station, String idNumber) {
    return "{\"stationCode\":\"" + station + "\",\"fullName\":null,\"idNumber\":" + (idNumber == null ? "null"
        : "\"" + idNumber + "\"") + ",\"sex\":\"MALE\",\"approximateAge\":58,\"foundPlace\":\"农安县汽车站\","
        + "\"broughtBy\":\"POLICE\",\"healthState\":\"GOOD\",\"note\":null}";
  }

  int cases() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM vagrant_case", Integer.class);
  }

  @Test
  void theStationsCaseworkerTakesAPersonInAndReadsTheFileOthersAreRefused() throws Exception {
    assertThat(http.send("nongan-cw", "POST", "/api/vagrants", body("JZ220122", null)).status())
        .as("a township caseworker is not station staff").isEqualTo(403);
    assertThat(http.send("ng-county-cw", "POST", "/api/vagrants", body("JZ220122", null)).status())
        .as("another county's caseworker").isEqualTo(403);
    assertThat(http.send("na-county-approver", "POST", "/api/vagrants", body("JZ220122", null)).status())
        .as("the approver does not take people in").isEqualTo(403);

    String id = VagrantAssistanceTest.person(LocalDate.of(1968, 2, 2));
    Http.Response r = http.send("na-county-cw", "POST", "/api/vagrants", body("JZ220122", id));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long caseId = json.readTree(r.body()).get("caseId").asLong();

    Http.Response file = http.get("na-county-cw", "/api/vagrants/" + caseId);
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    JsonNode f = json.readTree(file.body());
    assertThat(f.get("status").asText()).isEqualTo("IN_STATION");
    assertThat(f.get("stationName").asText()).contains("农安县救助管理站");
    assertThat(f.get("idNumberMasked").asText()).contains("*").doesNotContain(id);
    assertThat(f.get("records").get(0).get("kind").asText()).isEqualTo("INTAKE");
    assertThat(http.get("supervisor", "/api/vagrants/" + caseId).status()).as("the city's supervisor").isEqualTo(200);
    assertThat(http.get("ng-county-cw", "/api/vagrants/" + caseId).status()).isEqualTo(404);
    assertThat(http.get("na-county-cw", "/api/vagrants/999999").status()).isEqualTo(404);
    assertThat(http.get("nongan-cw", "/api/vagrants/" + caseId).status()).as("role").isEqualTo(403);

    Http.Response list = http.get("na-county-approver", "/api/vagrants?stationCode=JZ220122&status=IN_STATION");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains("\"caseId\":" + caseId);
    assertThat(http.get("ng-county-cw", "/api/vagrants?stationCode=JZ220122").status()).isEqualTo(403);
    assertThat(http.get("na-county-cw", "/api/vagrants?stationCode=JZ999999").status()).isEqualTo(400);
    Http.Response badStatus = http.get("na-county-cw", "/api/vagrants?stationCode=JZ220122&status=GONE");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.body()).contains("状态GONE无效");
    assertThat(http.get("na-county-cw", "/api/vagrants").status()).isEqualTo(400);
  }

  @Test
  void badInputIsA400InChineseAndStoresNothing() {
    int before = cases();
    Http.Response r = http.send("na-county-cw", "POST", "/api/vagrants",
        "{\"stationCode\":\"\",\"idNumber\":\"123\",\"approximateAge\":150}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("请填写救助管理站编号").contains("身份证号码应为18位").contains("大致年龄应为0至120岁")
        .contains("请选择性别").contains("请填写发现地点").contains("请选择由谁送来").contains("请选择健康状况");
    Http.Response checkDigit = http.send("na-county-cw", "POST", "/api/vagrants",
        body("JZ220122", "220122195001010019"));
    assertThat(checkDigit.status()).isEqualTo(400);
    assertThat(checkDigit.body()).contains("校验位");
    Http.Response station = http.send("na-county-cw", "POST", "/api/vagrants", body("JZ999999", null));
    assertThat(station.status()).isEqualTo(400);
    assertThat(station.body()).contains("救助管理站JZ999999不存在");
    assertThat(http.send("na-county-cw", "POST", "/api/vagrants", "{not json").status()).isEqualTo(400);
    assertThat(http.send("na-county-cw", "POST", "/api/vagrants", "").status()).isEqualTo(400);
    assertThat(http.send("na-county-cw", "POST", "/api/vagrants", body("JZ220122", null)
        .replace("\"MALE\"", "\"X\"")).status()).isEqualTo(400);
    assertThat(cases()).isEqualTo(before);
  }
}
