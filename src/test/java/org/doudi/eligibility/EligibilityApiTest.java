package org.doudi.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.doudi.eligibility.DibaoAssessment.Outcome;
import org.doudi.household.HouseholdApplication;
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

/** POST /api/eligibility/dibao on the demo SAMPLE standards (农安县 rural: 500 yuan from 2025-01-01). */
@DoudiTest
class EligibilityApiTest {

  static final RequestPostProcessor ASSISTANT = user("baota").roles("VILLAGE_ASSISTANT");
  static final String APPLICANT = TestIds.id("220122", "19500101", "001");
  static final String SPOUSE = TestIds.id("220122", "19520304", "002");

  @Autowired WebApplicationContext web;
  @Autowired DibaoEligibility eligibility;
  @Autowired ObjectMapper json;
  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
  }

  static String household(String applicantId, String spouseIncome) {
    return """
        {"countyCode":"220122","regionCode":"220122100201","urbanRural":"RURAL","address":"农安县农安镇宝塔村3组",
         "contactPhone":"13800000000",
         "members":[
           {"name":"张三","idNumber":"%s","relation":"SELF","hukouCountyCode":"220122","hukouUrbanRural":"RURAL",
            "disabilityCategory":null,"disabilityGrade":null,"seriousIllness":false,"ableToWork":false,"student":false,
            "monthlyIncome":{"WAGE":100,"PENSION_BASIC":150},"rigidExpenses":0},
           {"name":"李四","idNumber":"%s","relation":"SPOUSE","hukouCountyCode":"220122","hukouUrbanRural":"RURAL",
            "disabilityCategory":"PHYSICAL","disabilityGrade":2,"seriousIllness":false,"ableToWork":false,
            "student":false,"monthlyIncome":{"BUSINESS":%s},"rigidExpenses":50}],
         "assets":[{"type":"DEPOSIT","description":"农商行活期","value":3000.00}],
         "authorisationSigned":true,"pledgeSigned":true,"agent":null,
         "bankAccount":{"bankName":"农安农商银行","accountNumber":"6228480012345678901","holderName":"张三"},
         "separateRegistration":false,"separateRegistrationNote":null}""".formatted(applicantId, SPOUSE, spouseIncome);
  }

  @Test
  void answersTheAssessment() throws Exception {
    mvc.perform(post("/api/eligibility/dibao?date=2026-03-02").with(ASSISTANT).contentType(MediaType.APPLICATION_JSON)
            .content(household(APPLICANT, "150")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("DIBAO"))
        .andExpect(jsonPath("$.standard").value(500.0))
        .andExpect(jsonPath("$.sampleStandard").value(true))
        // (100 + 150 − 50) / 2; the pension does not count
        .andExpect(jsonPath("$.perCapitaIncome").value(100.0))
        // (500 − 100) × 2 + 20 % (70+, born 1950) + 30 % (重残 二级) of 500
        .andExpect(jsonPath("$.monthlyAmount").value(1050.0))
        .andExpect(jsonPath("$.members[0].category").value("ELDERLY_70"))
        .andExpect(jsonPath("$.members[0].amount").value(500.0))
        .andExpect(jsonPath("$.members[1].category").value("SEVERE_DISABILITY"))
        .andExpect(jsonPath("$.members[1].amount").value(550.0))
        .andExpect(jsonPath("$.reasons[*].code").value(Matchers.hasItems("INCOME_BELOW_STANDARD", "AMOUNT_GAP",
            "EXCLUDED_INCOME", "RIGID_EXPENSES_DEDUCTED", "SUPPLEMENT_ELDERLY_70", "SAMPLE_STANDARD")))
        .andExpect(jsonPath("$.reasons[*].citation").value(Matchers.everyItem(Matchers.notNullValue())))
        // the demo standard's note is what a caseworker reads beside the reason: Chinese only (docs/glossary.md)
        .andExpect(jsonPath("$.reasons[*].citation").value(Matchers.everyItem(
            Matchers.not(Matchers.containsString("SAMPLE")))));
  }

  @Test
  void theStandardOfTheDayApplies() throws Exception {
    // 2024: the 2020 sample standard (400) applies
    mvc.perform(post("/api/eligibility/dibao?date=2024-06-01").with(ASSISTANT).contentType(MediaType.APPLICATION_JSON)
            .content(household(APPLICANT, "150")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.standard").value(400.0))
        .andExpect(jsonPath("$.monthlyAmount").value(600.0 + 80 + 120)); // (400 − 100) × 2 + 20 % + 30 %
  }

  @Test
  void ineligibleAnswersWithReasons() throws Exception {
    mvc.perform(post("/api/eligibility/dibao?date=2026-03-02").with(ASSISTANT).contentType(MediaType.APPLICATION_JSON)
            .content(household(APPLICANT, "3000")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("INELIGIBLE"))
        .andExpect(jsonPath("$.monthlyAmount").value(0.0))
        .andExpect(jsonPath("$.reasons[*].code").value(Matchers.hasItem("INCOME_ABOVE_LOW_INCOME_LINE")));
  }

  @Test
  void invalidInputIs400NamingTheMember() throws Exception {
    String bad = APPLICANT.substring(0, 17) + (APPLICANT.charAt(17) == '0' ? '1' : '0');
    mvc.perform(post("/api/eligibility/dibao").with(ASSISTANT).contentType(MediaType.APPLICATION_JSON)
            .content(household(bad, "-5")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.violations[*].field").value(Matchers.hasItems("members[0].idNumber")))
        .andExpect(jsonPath("$.violations[*].message").value(Matchers.hasItem(Matchers.containsString("张三"))))
        .andExpect(jsonPath("$.violations.length()").value(Matchers.greaterThanOrEqualTo(2)));
    mvc.perform(post("/api/eligibility/dibao").with(ASSISTANT).contentType(MediaType.APPLICATION_JSON)
            .content(household(APPLICANT, "\"many\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.violations[0].field").value(Matchers.containsString("members[1].monthlyIncome")));
    mvc.perform(post("/api/eligibility/dibao?date=yesterday").with(ASSISTANT).contentType(MediaType.APPLICATION_JSON)
            .content(household(APPLICANT, "150")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.violations[0].field").value("date"));
    mvc.perform(post("/api/eligibility/dibao").with(ASSISTANT).contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest());
  }

  @Test
  void noStandardIs422() throws Exception {
    mvc.perform(post("/api/eligibility/dibao?date=2019-06-01").with(ASSISTANT).contentType(MediaType.APPLICATION_JSON)
            .content(household(APPLICANT, "150")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.countyCode").value("220122"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("没有有效的农村低保标准")));
  }

  @Test
  void anonymousCallersAreRefused() throws Exception {
    mvc.perform(post("/api/eligibility/dibao").contentType(MediaType.APPLICATION_JSON)
            .content(household(APPLICANT, "150")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void theJavaApiGivesTheSameAnswer() throws Exception {
    HouseholdApplication a = json.readValue(household(APPLICANT, "150"), HouseholdApplication.class);
    DibaoAssessment r = eligibility.assess(a, LocalDate.of(2026, 3, 2));
    assertThat(r.outcome()).isEqualTo(Outcome.DIBAO);
    assertThat(r.monthlyAmount()).isEqualByComparingTo("1050.00");
  }
}
