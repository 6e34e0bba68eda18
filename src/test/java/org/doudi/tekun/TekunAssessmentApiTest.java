package org.doudi.tekun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.HistoryService;
import org.doudi.eligibility.TestIds;
import org.doudi.platform.DoudiTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** POST /api/eligibility/tekun on the demo SAMPLE standards (农安县 rural 2026: 低保 500, 特困 650). */
@DoudiTest
class TekunAssessmentApiTest {

  static final RequestPostProcessor ASSISTANT = user("baota").roles("VILLAGE_ASSISTANT");
  static final String OLD = TestIds.id("220122", "19500101", "013");
  static final String SENIOR_HIGH = TestIds.id("220122", "20070815", "024");

  @Autowired WebApplicationContext web;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
  }

  static String body(String idNumber, String extra) {
    return """
        {"fullName":"王五","idNumber":"%s","countyCode":"220122","urbanRural":"RURAL",
         "impossibleItems":["BATHING","INDOOR_WALKING","TOILETING","DRESSING"],
         "incomes":[{"type":"WAGE","monthlyAmount":100},{"type":"PENSION_BASIC","monthlyAmount":150},
                    {"type":"ELDERLY_ALLOWANCE","monthlyAmount":100}],
         "assets":[{"type":"DEPOSIT","value":3000}],
         "supporter":"NONE"%s}""".formatted(idNumber, extra);
  }

  ResultActions assess(String query, String json) throws Exception {
    return mvc.perform(post("/api/eligibility/tekun" + query).with(ASSISTANT).contentType(MediaType.APPLICATION_JSON)
        .content(json));
  }

  @Test
  void answersTheAssessment() throws Exception {
    assess("?date=2026-03-02", body(OLD, ""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("TEKUN"))
        .andExpect(jsonPath("$.age").value(76))
        .andExpect(jsonPath("$.dibaoStandard").value(500.0))
        .andExpect(jsonPath("$.basicStandard").value(650.0))
        .andExpect(jsonPath("$.sampleStandard").value(true))
        .andExpect(jsonPath("$.careLevel").value("FULL"))
        .andExpect(jsonPath("$.careStandard").value(630.0))
        .andExpect(jsonPath("$.monthlyAmount").value(1280.0))
        .andExpect(jsonPath("$.reasons[*].code").value(Matchers.hasItems("TEKUN_CONDITIONS_MET",
            "NO_WORK_CAPACITY_AGE_60", "INCOME_BELOW_STANDARD", "EXCLUDED_INCOME", "ASSETS_WITHIN_LIMIT",
            "NO_SUPPORTER", "BASIC_STANDARD", "CARE_LEVEL", "CARE_STANDARD", "SAMPLE_STANDARD")))
        .andExpect(jsonPath("$.reasons[*].citation").value(Matchers.everyItem(Matchers.not(Matchers.emptyString()))));
  }

  @Test
  void eighteenInSeniorHighIsSupportedAndOutOfSchoolIsNot() throws Exception {
    assess("", body(SENIOR_HIGH, ",\"assessedOn\":\"2026-03-02\",\"schooling\":\"SENIOR_HIGH\""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.age").value(18))
        .andExpect(jsonPath("$.outcome").value("TEKUN"))
        .andExpect(jsonPath("$.reasons[*].code").value(Matchers.hasItem("IN_SCHOOL_PAST_18")));
    assess("", body(SENIOR_HIGH, ",\"assessedOn\":\"2026-03-02\",\"schooling\":\"NONE\""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("INELIGIBLE"))
        .andExpect(jsonPath("$.monthlyAmount").value(0.0));
  }

  @Test
  void anOrphanWhoChoosesTheChildSubsidy() throws Exception {
    String child = TestIds.id("220122", "20150601", "031");
    assess("?date=2026-03-02", body(child, ",\"childStatus\":\"ORPHAN\",\"choosesChildSubsidy\":true"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("CHILD_SUBSIDY"))
        .andExpect(jsonPath("$.monthlyAmount").value(0.0))
        .andExpect(jsonPath("$.reasons[0].code").value("CHILD_SUBSIDY_CHOSEN"));
  }

  @Test
  void everyProblemIs400InChineseAndNothingIsStarted() throws Exception {
    long persons = jdbc.queryForObject("SELECT COUNT(*) FROM tekun_person", Long.class);
    long instances = history.createHistoricProcessInstanceQuery().count();
    String badId = OLD.substring(0, 17) + (OLD.charAt(17) == '0' ? '1' : '0');
    String json = """
        {"fullName":"","idNumber":"%s","countyCode":"229999","urbanRural":"CITY","disabilityCategory":"PHYSICAL",
         "disabilityGrade":7,"incomes":[{"type":"WAGE","monthlyAmount":-5},null],
         "assets":[{"type":"DEPOSIT","value":1.234}],"childStatus":"NONE","choosesChildSubsidy":true}"""
        .formatted(badId);
    assess("?date=2026-03-02", json)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("申请内容有误"))
        .andExpect(jsonPath("$.violations[*].field").value(Matchers.containsInAnyOrder("fullName", "idNumber",
            "countyCode", "urbanRural", "disabilityGrade", "incomes[0].monthlyAmount", "incomes[1]",
            "assets[0].value", "supporter", "choosesChildSubsidy")))
        .andExpect(jsonPath("$.violations[?(@.field == 'idNumber')].message")
            .value(Matchers.hasItem(Matchers.containsString("校验位错误"))))
        .andExpect(jsonPath("$.violations[?(@.field == 'countyCode')].message")
            .value(Matchers.hasItem(Matchers.containsString("229999"))))
        .andExpect(jsonPath("$.violations[?(@.field == 'disabilityGrade')].message")
            .value(Matchers.hasItem("残疾等级必须为1至4级")));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tekun_person", Long.class)).isEqualTo(persons);
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void unreadableBodiesAndDatesAre400() throws Exception {
    assess("", body(OLD, "").replace("\"supporter\":\"NONE\"", "\"supporter\":\"MAYBE\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.violations[0].field").value("supporter"))
        .andExpect(jsonPath("$.violations[0].message").value(Matchers.containsString("NONE")));
    assess("?date=yesterday", body(OLD, ""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.violations[0].field").value("date"));
    assess("?date=2026-03-02", body(OLD, ",\"assessedOn\":\"2026-03-03\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.violations[0].field").value("date"));
    mvc.perform(post("/api/eligibility/tekun").with(ASSISTANT).contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest());
  }

  @Test
  void noDibaoStandardIs422() throws Exception {
    assess("?date=2019-06-01", body(OLD, ""))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("没有有效的农村低保标准")));
  }

  @Test
  void theEndpointsAreInTheOpenApiDocument() throws Exception {
    mvc.perform(get("/api/openapi").with(ASSISTANT))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/eligibility/tekun'].post.responses['400']").exists())
        .andExpect(jsonPath("$.paths['/api/eligibility/tekun'].post.responses['422']").exists())
        .andExpect(jsonPath("$.paths['/api/tekun/standards'].get").exists())
        .andExpect(jsonPath("$.paths['/api/tekun/standards'].post.responses['409']").exists());
  }

  @Test
  void anonymousCallersAreRefused() throws Exception {
    mvc.perform(post("/api/eligibility/tekun").contentType(MediaType.APPLICATION_JSON).content(body(OLD, "")))
        .andExpect(status().isUnauthorized());
  }
}
