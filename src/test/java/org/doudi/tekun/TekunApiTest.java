package org.doudi.tekun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/tekun/applications and the case file over HTTP: 201, 400 in Chinese (nothing stored), 401, 403, 404. */
@DoudiTest
class TekunApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  static String body(String idNumber) {
    return TekunApplication.EXAMPLE_JSON.replace("220122194501010015", idNumber);
  }

  int stored(String id) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tekun_case WHERE id_number = ?", Integer.class, id);
    return n == null ? 0 : n;
  }

  @Test
  void aCaseworkerOfThePlaceAppliesAndReadsTheFileOthersAreRefused() throws Exception {
    String id = TekunRecognitionTest.person("19440404");
    assertThat(http.send(null, "POST", "/api/tekun/applications", body(id)).status()).isEqualTo(401);
    assertThat(http.send("analyst", "POST", "/api/tekun/applications", body(id)).status()).isEqualTo(403);
    assertThat(http.send("nongan-approver", "POST", "/api/tekun/applications", body(id)).status())
        .as("an approver does not register applications").isEqualTo(403);
    assertThat(http.send("ng-county-cw", "POST", "/api/tekun/applications", body(id)).status())
        .as("another county").isEqualTo(403);
    assertThat(stored(id)).isZero();

    Http.Response r = http.send("baota", "POST", "/api/tekun/applications", body(id));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long caseId = json.readTree(r.body()).get("caseId").asLong();
    assertThat(json.readTree(r.body()).get("processInstanceId").asText()).isNotBlank();

    Http.Response file = http.get("nongan-cw", "/api/tekun/applications/" + caseId);
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    JsonNode f = json.readTree(file.body());
    assertThat(f.get("status").asText()).isEqualTo("REGISTERED");
    assertThat(f.get("idNumberMasked").asText()).contains("*").doesNotContain(id);
    assertThat(http.get("ng-county-cw", "/api/tekun/applications/" + caseId).status()).isEqualTo(404);
    assertThat(http.get("nongan-cw", "/api/tekun/applications/99999999").status()).isEqualTo(404);
    assertThat(http.get(null, "/api/tekun/applications/" + caseId).status()).isEqualTo(401);

    Http.Response again = http.send("baota", "POST", "/api/tekun/applications", body(id));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("已有办理中的特困人员认定");
  }

  @Test
  void badInputIsA400InChineseNamingTheFieldsAndStoresNothing() throws Exception {
    Http.Response r = http.send("nongan-cw", "POST", "/api/tekun/applications",
        "{\"fullName\":\"\",\"idNumber\":\"123\",\"regionCode\":\"220122100201\",\"urbanRural\":\"CITY\","
            + "\"applicantRole\":\"SELF\",\"careMode\":\"DISPERSED\",\"bankName\":\"农商行\",\"accountNumber\":\"12\","
            + "\"authorisationSigned\":false,\"incomes\":[{\"type\":\"WAGE\",\"monthlyAmount\":-5}]}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("请填写申请人姓名").contains("身份证号码应为18位").contains("城乡类别")
        .contains("银行账号应为8至30位数字").contains("授权书").contains("收入金额不能为负数").contains("法定赡养")
        .contains("invalid-application");
    String id = TekunRecognitionTest.person("19440505");
    String wrongCheckDigit = id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1");
    Http.Response bad = http.send("nongan-cw", "POST", "/api/tekun/applications", body(wrongCheckDigit));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("校验位");
    Http.Response unknownEnum = http.send("nongan-cw", "POST", "/api/tekun/applications",
        body(id).replace("\"DISPERSED\"", "\"AT_HOME\""));
    assertThat(unknownEnum.status()).isEqualTo(400);
    assertThat(http.send("nongan-cw", "POST", "/api/tekun/applications", "{not json").status()).isEqualTo(400);
    assertThat(http.send("nongan-cw", "POST", "/api/tekun/applications", "").status()).isEqualTo(400);
    assertThat(http.send("nongan-cw", "POST", "/api/tekun/applications", body(id).replace("220122100201",
        "220122999999")).body()).contains("不存在");
    assertThat(stored(id)).isZero();
    assertThat(stored(wrongCheckDigit)).isZero();
  }

  @Test
  void theEndpointsAreInTheOpenApiDocument() throws Exception {
    Http.Response r = http.get("nongan-cw", "/api/openapi");
    assertThat(r.status()).isEqualTo(200);
    JsonNode paths = json.readTree(r.body()).get("paths");
    assertThat(paths.at("/~1api~1tekun~1applications/post/responses/400").isMissingNode()).isFalse();
    assertThat(paths.at("/~1api~1tekun~1applications/post/responses/403").isMissingNode()).isFalse();
    assertThat(paths.at("/~1api~1tekun~1applications~1{caseId}/get").isMissingNode()).isFalse();
  }
}
