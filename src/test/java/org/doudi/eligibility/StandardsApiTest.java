package org.doudi.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.doudi.platform.DoudiTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@DoudiTest
class StandardsApiTest {

  static final RequestPostProcessor CLERK = user("clerk").roles("TOWNSHIP_CASEWORKER");
  static final RequestPostProcessor ADMIN = user("root").roles("ADMIN");

  @Autowired WebApplicationContext web;
  @Autowired DibaoStandards standards;
  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
  }

  @Test
  void anyRoleListsTheSampleStandards() throws Exception {
    mvc.perform(get("/api/dibao-standards?countyCode=220122").with(CLERK))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.urbanRural == 'RURAL' && @.effectiveFrom == '2025-01-01')].monthlyStandard")
            .value(Matchers.contains(500.0)))
        .andExpect(jsonPath("$[*].sample").value(Matchers.everyItem(Matchers.is(true))))
        .andExpect(jsonPath("$[0].sourceNote").value(Matchers.containsString("非官方")));
  }

  @Test
  void theStandardInForceIsTheLatestNotAfterTheDate() {
    assertThat(standards.require("220122", "RURAL", LocalDate.of(2024, 12, 31)).monthlyStandard())
        .isEqualByComparingTo("400");
    assertThat(standards.require("220122", "RURAL", LocalDate.of(2025, 1, 1)).monthlyStandard())
        .isEqualByComparingTo("500");
    assertThat(standards.find("220122", "RURAL", LocalDate.of(2019, 12, 31))).isEmpty();
  }

  @Test
  void anAdministratorAddsAStandardAndHistoryCannotBeRewritten() throws Exception {
    String body = """
        {"countyCode":"220102","urbanRural":"RURAL","monthlyStandard":612.50,"effectiveFrom":"2095-01-01",
         "sourceNote":"南关区人民政府通知（测试）"}""";
    mvc.perform(post("/api/admin/dibao-standards").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.monthlyStandard").value(612.5))
        .andExpect(jsonPath("$.assetLimitMonths").value(24))
        .andExpect(jsonPath("$.sample").value(false))
        .andExpect(jsonPath("$.createdBy").value("root"));
    assertThat(standards.require("220102", "RURAL", LocalDate.of(2095, 1, 1)).monthlyStandard())
        .isEqualByComparingTo("612.50");
    assertThat(standards.require("220102", "RURAL", LocalDate.of(2094, 12, 31)).monthlyStandard())
        .isEqualByComparingTo("520");
    // the same date again, or a date before it: 409, nothing stored
    int before = standards.list("220102").size();
    for (String date : new String[] {"2095-01-01", "2030-06-01"}) {
      mvc.perform(post("/api/admin/dibao-standards").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
              .content(body.replace("2095-01-01", date)))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.detail").value(Matchers.containsString("2095-01-01")));
    }
    assertThat(standards.list("220102")).hasSize(before);
  }

  @Test
  void onlyAdministratorsAddStandards() throws Exception {
    mvc.perform(post("/api/admin/dibao-standards").with(CLERK).contentType(MediaType.APPLICATION_JSON)
            .content("{\"countyCode\":\"220122\",\"urbanRural\":\"URBAN\",\"monthlyStandard\":700,"
                + "\"effectiveFrom\":\"2096-01-01\",\"sourceNote\":\"x\"}"))
        .andExpect(status().isForbidden());
    assertThat(standards.find("220122", "URBAN", LocalDate.of(2096, 1, 1)).orElseThrow().effectiveFrom())
        .isEqualTo(LocalDate.of(2025, 1, 1));
  }

  @Test
  void badInputIs400WithEveryViolation() throws Exception {
    int before = standards.list(null).size();
    mvc.perform(post("/api/admin/dibao-standards").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content("{\"countyCode\":\"220122100\",\"urbanRural\":\"CITY\",\"monthlyStandard\":-5,"
                + "\"assetLimitMonths\":0,\"sourceNote\":\" \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.violations[*].field").value(Matchers.containsInAnyOrder("countyCode", "urbanRural",
            "monthlyStandard", "assetLimitMonths", "effectiveFrom", "sourceNote")))
        .andExpect(jsonPath("$.violations[0].message").value(Matchers.containsString("220122100")));
    mvc.perform(post("/api/admin/dibao-standards").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content("{\"countyCode\":\"220122\",\"urbanRural\":\"URBAN\",\"monthlyStandard\":700.123,"
                + "\"effectiveFrom\":\"2097-01-01\",\"sourceNote\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.violations[0].field").value("monthlyStandard"));
    mvc.perform(post("/api/admin/dibao-standards").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content("{\"countyCode\":\"220122\",\"urbanRural\":\"URBAN\",\"monthlyStandard\":700,"
                + "\"effectiveFrom\":\"01/01/2097\",\"sourceNote\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.violations[0].field").value("effectiveFrom"));
    mvc.perform(post("/api/admin/dibao-standards").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content("{not json"))
        .andExpect(status().isBadRequest());
    assertThat(standards.list(null)).hasSize(before);
  }
}
