package org.doudi.dibao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.dibao.DibaoFixture.allMaterials;
import static org.doudi.dibao.DibaoFixture.investigation;
import static org.doudi.dibao.DibaoFixture.startInvestigation;
import static org.doudi.household.TestApplications.id;
import static org.doudi.household.TestApplications.income;
import static org.doudi.platform.ProcessFixture.clockAt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.Agent;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.BankAccount;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.household.HouseholdApplication.UrbanRural;
import org.doudi.household.Households;
import org.doudi.household.TestApplications;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counter intake (issue 18 item 3): a household registered through the start form {@code forms/dibao-start.form}
 * — the variables exactly as Tasklist submits them, through the engine REST API that Tasklist uses — is stored and
 * assessed exactly like the same household sent to {@code POST /api/applications}; bad member data is refused in
 * Chinese and stores nothing.
 */
@DoudiTest
class CounterIntakeTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Households households;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  DibaoFixture f;
  Http http;

  @BeforeEach
  void setUp() {
    f = new DibaoFixture(tasks, management);
    http = new Http(port);
    clockAt("2026-02-11T09:00");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  /** Five members, property and transfer income, excluded income, rigid expenses, two assets, agent and bank. */
  static HouseholdApplication fiveMembers() {
    Member zhao = new Member("赵大", id("22012219560101001"), Relation.SELF, null, null, null, null, true, false,
        false, income(IncomeType.WAGE, "200.00", IncomeType.PROPERTY, "120.50", IncomeType.PENSION_BASIC, "150"),
        new BigDecimal("60.00"));
    Member qian = new Member("钱二", id("22012219580202002"), Relation.SPOUSE, null, null,
        DisabilityCategory.PHYSICAL, 2, false, false, false, income(IncomeType.TRANSFER, "80"), null);
    Member sun = new Member("赵三", id("22012219850303003"), Relation.CHILD, null, null, null, null, false, true,
        false, income(IncomeType.WAGE, "900.00", IncomeType.BUSINESS, "150.25"), BigDecimal.ZERO);
    Member li = new Member("赵四", id("22012220120404004"), Relation.GRANDCHILD, null, null, null, null, false, false,
        true, income(IncomeType.SCHOLARSHIP, "100"), null);
    Member zhou = new Member("赵五", id("22012219300505005"), Relation.PARENT, null, null,
        DisabilityCategory.INTELLECTUAL, 3, true, false, false, income(IncomeType.ELDERLY_ALLOWANCE, "100",
        IncomeType.OTHER, "30"), new BigDecimal("45.00"));
    return TestApplications.unique(new HouseholdApplication("220122", "220122100201", UrbanRural.RURAL,
        "农安县农安镇宝塔村5组", "13800000005", List.of(zhao, qian, sun, li, zhou),
        List.of(new Asset(AssetType.DEPOSIT, "农商行定期", new BigDecimal("4000.00")),
            new Asset(AssetType.VEHICLE, "三轮车", new BigDecimal("3000"))),
        true, true, new Agent("孙六", id("22012219800101006"), "村委会工作人员", "13900000006"),
        new BankAccount("农安农商银行", "6228480012345678905", "赵大"), false, null));
  }

  /** The start form's variables for a household, in the engine REST shape Tasklist posts (lists as Json). */
  ObjectNode formVariables(HouseholdApplication a) throws Exception {
    ArrayNode members = json.createArrayNode();
    for (Member m : a.members()) {
      ObjectNode o = members.addObject();
      o.put("name", m.name());
      o.put("idNumber", m.idNumber());
      o.put("relation", m.relation().name());
      if (m.disabilityCategory() != null) {
        o.put("disabilityCategory", m.disabilityCategory().name());
        o.put("disabilityGrade", m.disabilityGrade());
      }
      o.put("seriousIllness", m.seriousIllness());
      o.put("ableToWork", m.ableToWork());
      o.put("student", m.student());
      if (m.monthlyIncome() != null) {
        m.monthlyIncome().forEach((t, v) -> o.put(incomeField(t), v));
      }
      if (m.rigidExpenses() != null) {
        o.put("rigidExpenses", m.rigidExpenses());
      }
    }
    ArrayNode assets = json.createArrayNode();
    for (Asset x : a.assets()) {
      assets.addObject().put("assetType", x.type().name()).put("assetDescription", x.description())
          .put("assetValue", x.value());
    }
    ObjectNode v = json.createObjectNode();
    value(v, "township", a.regionCode().substring(0, 9));
    value(v, "regionCode", a.regionCode());
    value(v, "urbanRural", a.urbanRural().name());
    value(v, "address", a.address());
    value(v, "contactPhone", a.contactPhone());
    v.putObject("members").put("value", json.writeValueAsString(members)).put("type", "Json");
    v.putObject("assets").put("value", json.writeValueAsString(assets)).put("type", "Json");
    if (a.agent() != null) {
      v.putObject("agentPresent").put("value", true);
      value(v, "agentName", a.agent().name());
      value(v, "agentIdNumber", a.agent().idNumber());
      value(v, "agentRelation", a.agent().relation());
      value(v, "agentPhone", a.agent().phone());
    }
    value(v, "bankName", a.bankAccount().bankName());
    value(v, "bankAccountNumber", a.bankAccount().accountNumber());
    value(v, "bankHolderName", a.bankAccount().holderName());
    v.putObject("authorisationSigned").put("value", a.authorisationSigned());
    v.putObject("pledgeSigned").put("value", a.pledgeSigned());
    return v;
  }

  static String incomeField(IncomeType t) {
    StringBuilder s = new StringBuilder("income");
    for (String part : t.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
      s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return s.toString();
  }

  private static void value(ObjectNode v, String key, String value) {
    v.putObject(key).put("value", value);
  }

  Http.Response submitForm(ObjectNode variables) throws Exception {
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return http.send("nongan-cw", "POST", "/engine-rest/process-definition/key/dibao-application/submit-form",
        json.writeValueAsString(body));
  }

  /** 受理, 启动入户调查, 入户调查: the case is assessed; returns its stored assessment. */
  Map<String, Object> assessed(String pid) {
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", allMaterials());
    f.complete(pid, "Task_StartInvestigation", "nongan-cw", startInvestigation());
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    return jdbc.queryForMap("SELECT outcome, standard, per_capita_income, monthly_amount, assessment_json "
        + "FROM dibao_assessment WHERE process_instance_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", pid);
  }

  @Test
  void aFiveMemberHouseholdAtTheCounterIsAssessedExactlyAsOnline() throws Exception {
    HouseholdApplication a = fiveMembers();

    Http.Response counter = submitForm(formVariables(a));
    assertThat(counter.status()).as(counter.body()).isEqualTo(200);
    String counterPid = json.readTree(counter.body()).get("id").asText();
    long counterId = Long.parseLong(runtime.createProcessInstanceQuery().processInstanceId(counterPid).singleResult()
        .getBusinessKey());
    HouseholdApplication stored = households.load(counterId);
    assertThat(stored.members()).hasSize(5);
    assertThat(stored.assets()).hasSize(2);
    assertThat(stored.countyCode()).isEqualTo("220122");
    assertThat(stored.agent()).isNotNull();
    assertThat(stored.members().get(0).income(IncomeType.PROPERTY)).isEqualByComparingTo("120.50");
    assertThat(stored.members().get(4).rigidExpensesOrZero()).isEqualByComparingTo("45.00");
    assertThat(runtime.getVariables(counterPid)).doesNotContainKeys("members", "assets", "agentIdNumber");
    Map<String, Object> atCounter = assessed(counterPid);

    // the persons are now in the province's register: withdraw the counter case to apply again online
    assertThat(http.send("nongan-cw", "POST", "/api/cases/" + counterPid + "/withdrawal",
        "{\"reason\":\"测试：改为网上申请\"}").status()).isEqualTo(204);
    Http.Response online = http.send("nongan-cw", "POST", "/api/applications", json.writeValueAsString(a));
    assertThat(online.status()).as(online.body()).isEqualTo(201);
    JsonNode started = json.readTree(online.body());
    long onlineId = started.get("applicationId").asLong();
    assertThat(households.load(onlineId)).isEqualTo(stored);
    Map<String, Object> viaApi = assessed(started.get("processInstanceId").asText());

    assertThat(atCounter.get("OUTCOME")).isEqualTo(viaApi.get("OUTCOME"));
    for (String money : List.of("STANDARD", "PER_CAPITA_INCOME", "MONTHLY_AMOUNT")) {
      assertThat((BigDecimal) atCounter.get(money)).as(money).isEqualByComparingTo((BigDecimal) viaApi.get(money));
    }
    assertThat(json.readTree((String) atCounter.get("ASSESSMENT_JSON")))
        .isEqualTo(json.readTree((String) viaApi.get("ASSESSMENT_JSON")));
  }

  @Test
  void badMemberDataIsRefusedInChineseAndStoresNothing() throws Exception {
    int applications = jdbc.queryForObject("SELECT COUNT(*) FROM household_application", Integer.class);
    HouseholdApplication a = fiveMembers();

    ObjectNode badId = formVariables(a);
    ArrayNode members = (ArrayNode) json.readTree(badId.get("members").get("value").asText());
    ((ObjectNode) members.get(2)).put("idNumber", "220122198503030030");
    ((ObjectNode) members.get(3)).put("incomeWage", -5);
    ((ObjectNode) members.get(4)).put("relation", "SELF");
    badId.putObject("members").put("value", json.writeValueAsString(members)).put("type", "Json");
    Http.Response r = submitForm(badId);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("第3位成员（赵三）的身份证号码", "第4位成员（赵四）的工资性收入不能为负数",
        "第5位成员（赵五）的与申请人关系为“本人”");

    ObjectNode wrongKind = formVariables(a);
    members = (ArrayNode) json.readTree(wrongKind.get("members").get("value").asText());
    ((ObjectNode) members.get(1)).put("incomeTransfer", "八十");
    wrongKind.putObject("members").put("value", json.writeValueAsString(members)).put("type", "Json");
    r = submitForm(wrongKind);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("第2位成员的转移净收入“八十”不是金额");

    ObjectNode otherTownship = formVariables(a);
    value(otherTownship, "township", "220122101");
    r = submitForm(otherTownship);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("所选村（社区）不属于所选乡镇（街道）");

    ObjectNode notAList = formVariables(a);
    notAList.putObject("members").put("value", "张三");
    r = submitForm(notAList);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("家庭成员");

    ObjectNode typedCounty = formVariables(a);
    value(typedCounty, "countyCode", "220102");
    r = submitForm(typedCounty);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("countyCode", "开始表单");

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_application", Integer.class))
        .isEqualTo(applications);
  }
}
