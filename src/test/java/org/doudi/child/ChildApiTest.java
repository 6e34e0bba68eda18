package org.doudi.child;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The child endpoints over HTTP with the demo users: 201, 400 in Chinese, 403 by role and region, 404. */
@DoudiTest
class ChildApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  static String body(String idNumber, String regionCode) {
    return "{\"childName\":\"王小花\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"" + regionCode + "\","
        + "\"fatherSituation\":\"DEAD\",\"motherSituation\":\"IMPRISONED\",\"careMode\":\"HOME\","
        + "\"guardianName\":\"王大山\",\"guardianIdNumber\":\"" + org.doudi.household.TestApplications.ZHANG_SAN + "\","
        + "\"guardianRelation\":\"祖父\",\"guardianPhone\":\"13800000000\",\"bankName\":\"农安县农村信用社\","
        + "\"accountNumber\":\"6221000000000001\"}";
  }

  @Test
  void aCaseworkerOfTheChildsRegionAppliesAndReadsTheFileOthersAreRefused() throws Exception {
    String id = ChildSubsidyTest.child(LocalDate.of(2016, 4, 4));
    assertThat(http.send("analyst", "POST", "/api/child/applications", body(id, "220122100201")).status())
        .isEqualTo(403);
    assertThat(http.send("ng-county-cw", "POST", "/api/child/applications", body(id, "220122100201")).status())
        .as("another county").isEqualTo(403);
    assertThat(http.send("na-county-approver", "POST", "/api/child/applications", body(id, "220122100201"))
        .status()).as("the approver does not register").isEqualTo(403);

    Http.Response r = http.send("baota", "POST", "/api/child/applications", body(id, "220122100201"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long appId = json.readTree(r.body()).get("applicationId").asLong();

    Http.Response file = http.get("nongan-cw", "/api/child/applications/" + appId);
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    JsonNode f = json.readTree(file.body());
    assertThat(f.get("careModeLabel").asText()).isEqualTo("社会散居");
    assertThat(f.get("idNumberMasked").asText()).contains("*").doesNotContain(id);
    assertThat(http.get("ng-county-cw", "/api/child/applications/" + appId).status()).isEqualTo(404);
    assertThat(http.get("nongan-cw", "/api/child/applications/999999").status()).isEqualTo(404);

    Http.Response again = http.send("baota", "POST", "/api/child/applications", body(id, "220122100201"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("已有办理中的儿童基本生活费申请");
  }

  @Test
  void badInputIsA400InChineseNamingTheFields() {
    Http.Response r = http.send("nongan-cw", "POST", "/api/child/applications",
        "{\"childName\":\"\",\"idNumber\":\"123\",\"regionCode\":\"22\",\"careMode\":\"HOME\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("请填写儿童姓名").contains("儿童身份证号码应为18位").contains("请选择父亲情况")
        .contains("请填写发放账户银行账号");
    assertThat(http.send("nongan-cw", "POST", "/api/child/applications", "{not json").status()).isEqualTo(400);
    assertThat(http.send("nongan-cw", "POST", "/api/child/applications", "").status()).isEqualTo(400);
    String id = ChildSubsidyTest.child(LocalDate.of(2016, 5, 5));
    Http.Response unknown = http.send("nongan-cw", "POST", "/api/child/applications", body(id, "220122999999"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("不存在");
  }

  @Test
  void countyStaffAddStandardsOfTheirCountyAndEveryoneReadsTheHistory() throws Exception {
    String month = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).withDayOfMonth(1).plusMonths(2).toString();
    String standard = "{\"countyCode\":\"220122\",\"careMode\":\"INSTITUTION\",\"monthlyAmount\":1750.00,"
        + "\"effectiveFrom\":\"" + month + "\",\"sourceNote\":\"农安县测试文件\",\"sample\":true}";
    assertThat(http.send("nongan-cw", "POST", "/api/child/standards", standard).status()).as("township")
        .isEqualTo(403);
    assertThat(http.send("ng-county-approver", "POST", "/api/child/standards", standard).status())
        .as("another county").isEqualTo(403);
    Http.Response ok = http.send("na-county-approver", "POST", "/api/child/standards", standard);
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    Http.Response twice = http.send("na-county-approver", "POST", "/api/child/standards", standard);
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body()).contains("不能修改");
    Http.Response bad = http.send("na-county-cw", "POST", "/api/child/standards", standard
        .replace("1750.00", "-1").replace(month, "2020-01-15"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("每月标准须大于0").contains("执行日期须为某月1日");

    Http.Response list = http.get("nongan-cw", "/api/child/standards?countyCode=220122");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("1750.00").contains("集中养育");
    assertThat(http.get("nongan-cw", "/api/child/standards?countyCode=999999").status()).isEqualTo(400);
    assertThat(http.get("nongan-cw", "/api/child/standards").status()).isEqualTo(400);
  }
}
