package org.doudi.tekun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.doudi.eligibility.TestIds;
import org.doudi.platform.DoudiTest;
import org.doudi.tekun.TekunAssessment.Reason;
import org.doudi.tekun.TekunFacts.ChildStatus;
import org.doudi.tekun.TekunFacts.Schooling;
import org.doudi.tekun.TekunFacts.Supporter;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * GET/POST /api/tekun/standards: history kept, the 1.3 × 低保 floor, and what the assessment makes of them. Uses 南关区
 * urban (低保 sample 760 from 2025, so the floor is 988) on dates no other test uses (2031–2033).
 */
@DoudiTest
class TekunStandardsApiTest {

  static final RequestPostProcessor CLERK = user("clerk").roles("TOWNSHIP_CASEWORKER");
  static final RequestPostProcessor ADMIN = user("root").roles("ADMIN");

  @Autowired WebApplicationContext web;
  @Autowired TekunStandards standards;
  @Autowired TekunEligibility eligibility;
  @Autowired JdbcTemplate jdbc;
  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
  }

  static String standard(String county, String type, String amount, String from) {
    return """
        {"countyCode":"%s","urbanRural":"%s","monthlyStandard":%s,"effectiveFrom":"%s",
         "sourceNote":"南关区人民政府关于调整特困人员基本生活标准的通知（测试）"}""".formatted(county, type, amount, from);
  }

  @Test
  void listsTheSamplesLabelled() throws Exception {
    mvc.perform(get("/api/tekun/standards?countyCode=220122").with(CLERK))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.urbanRural == 'RURAL' && @.effectiveFrom == '2025-01-01')].monthlyStandard")
            .value(Matchers.hasItem(650.0)))
        .andExpect(jsonPath("$[?(@.effectiveFrom == '2025-01-01')].sample").value(Matchers.everyItem(
            Matchers.is(true))));
    mvc.perform(get("/api/tekun/standards")).andExpect(status().isUnauthorized());
  }

  @Test
  void aNewStandardIsANewRowAtLeastOnePointThreeTimesDibao() throws Exception {
    mvc.perform(post("/api/tekun/standards").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content(standard("220102", "URBAN", "987.99", "2031-01-01")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.violations[0].field").value("monthlyStandard"))
        .andExpect(jsonPath("$.violations[0].message").value(Matchers.containsString("1.3倍即 988")));
    mvc.perform(post("/api/tekun/standards").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content(standard("220102", "URBAN", "988.00", "2031-01-01")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.sample").value(false))
        .andExpect(jsonPath("$.createdBy").value("root"));
    // history is never rewritten: the same date or an earlier one is refused
    int before = standards.list("220102").size();
    for (String date : new String[] {"2031-01-01", "2030-06-01"}) {
      mvc.perform(post("/api/tekun/standards").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
              .content(standard("220102", "URBAN", "1200", date)))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.detail").value(Matchers.containsString("2031-01-01")));
    }
    assertThat(standards.list("220102")).hasSize(before);
    // the earlier sample still applies before the new date, the new one from it
    assertThat(standards.find("220102", "URBAN", LocalDate.of(2030, 12, 31)).orElseThrow().monthlyStandard())
        .isEqualByComparingTo("990.00");
    TekunAssessment a = eligibility.assess(nanguanUrban(LocalDate.of(2031, 2, 1)));
    assertThat(a.basicStandard()).isEqualByComparingTo("988.00");
    assertThat(a.reasons()).extracting(Reason::code).contains("BASIC_STANDARD");
  }

  @Test
  void aRecordedStandardBelowTheFloorOfTheDayIsRaisedToIt() {
    // as if recorded before the 低保 standard rose: 农安县 urban 低保 660 → floor 858
    jdbc.update("INSERT INTO tekun_standard (county_code, urban_rural, monthly_standard, effective_from, sample,"
        + " source_note, created_by, created_at) VALUES ('220122', 'URBAN', 800.00, DATE '2033-01-01', FALSE,"
        + " '旧标准（测试）', 'test', CURRENT_TIMESTAMP)");
    TekunFacts f = new TekunFacts("孙七", TestIds.id("220122", "19400101", "041"), "220122", "URBAN",
        LocalDate.of(2033, 2, 1), null, null, Set.of(), List.of(), List.of(), Supporter.NONE, Schooling.NONE,
        ChildStatus.NONE, false);
    TekunAssessment a = eligibility.assess(f);
    assertThat(a.basicStandard()).isEqualByComparingTo("858.00");
    assertThat(a.reasons()).extracting(Reason::code).contains("BASIC_STANDARD_RAISED_TO_FLOOR");
    assertThat(TekunStandards.floor(new BigDecimal("646.00"))).isEqualByComparingTo("840.00");
    assertThat(TekunStandards.floor(new BigDecimal("500.00"))).isEqualByComparingTo("650.00");
  }

  @Test
  void refusedInputListsEveryField() throws Exception {
    mvc.perform(post("/api/tekun/standards").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content("{\"countyCode\":\"220122100\",\"urbanRural\":\"CITY\",\"monthlyStandard\":-5,"
                + "\"effectiveFrom\":\"1999-01-01\",\"sourceNote\":\" \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.violations[*].field").value(Matchers.contains("countyCode", "urbanRural",
            "monthlyStandard", "effectiveFrom", "sourceNote")));
    // no 低保 standard in force on the date: the floor cannot be checked
    mvc.perform(post("/api/tekun/standards").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content(standard("220122", "RURAL", "900", "2019-06-01")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.violations[0].message").value(Matchers.containsString("没有有效的农村低保标准")));
  }

  @Test
  void onlyAnAdministratorRecords() throws Exception {
    mvc.perform(post("/api/tekun/standards").with(CLERK).contentType(MediaType.APPLICATION_JSON)
            .content(standard("220122", "RURAL", "900", "2032-01-01")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/tekun/standards").contentType(MediaType.APPLICATION_JSON)
            .content(standard("220122", "RURAL", "900", "2032-01-01")))
        .andExpect(status().isUnauthorized());
    assertThat(standards.find("220122", "RURAL", LocalDate.of(2032, 1, 1)).orElseThrow().effectiveFrom())
        .isEqualTo(LocalDate.of(2025, 1, 1));
  }

  static TekunFacts nanguanUrban(LocalDate on) {
    return new TekunFacts("赵六", TestIds.id("220102", "19400101", "021"), "220102", "URBAN", on, null, null,
        Set.of(), List.of(), List.of(), Supporter.NONE, Schooling.NONE, ChildStatus.NONE, false);
  }
}
