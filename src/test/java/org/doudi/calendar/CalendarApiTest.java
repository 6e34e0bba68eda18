package org.doudi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.doudi.calendar.persistence.CalendarRepository;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.doudi.platform.DoudiTest;
import org.springframework.web.context.WebApplicationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@DoudiTest
class CalendarApiTest {

  private static final RequestPostProcessor CLERK = user("clerk").roles("TOWNSHIP_CASEWORKER");
  private static final RequestPostProcessor ADMIN = user("root").roles("ADMIN");

  @Autowired WebApplicationContext web;
  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = CalendarMvc.of(web);
  }
  @Autowired CalendarRepository repository;

  @Test
  void answersAsSpecified() throws Exception {
    mvc.perform(get("/api/calendar/days/2026-02-14").with(CLERK))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"date\":\"2026-02-14\",\"workingDay\":true,\"kind\":\"MAKEUP_WORKDAY\"}", true));
    mvc.perform(get("/api/calendar/add-working-days?from=2026-02-12&days=3").with(CLERK))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"from\":\"2026-02-12\",\"days\":3,\"date\":\"2026-02-24\"}", true));
    mvc.perform(get("/api/calendar/count-working-days?from=2026-02-12&to=2026-02-24").with(CLERK))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"from\":\"2026-02-12\",\"to\":\"2026-02-24\",\"workingDays\":3}", true));
  }

  @ParameterizedTest
  @CsvSource({"2026-02-16,false,HOLIDAY", "2026-03-07,false,WEEKEND", "2026-03-05,true,WORKDAY",
      "2022-12-31,false,HOLIDAY"})
  void dayKinds(String date, boolean working, String kind) throws Exception {
    mvc.perform(get("/api/calendar/days/" + date).with(CLERK))
        .andExpect(jsonPath("$.workingDay").value(working))
        .andExpect(jsonPath("$.kind").value(kind));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/api/calendar/days/2026-13-01|参数 date 应为日期",
      "/api/calendar/days/tomorrow|参数 date 应为日期",
      "/api/calendar/add-working-days?from=2026-02-12&days=-1|应在0至2500之间",
      "/api/calendar/add-working-days?from=2026-02-12&days=99999999999|应在0至2500之间",
      "/api/calendar/add-working-days?from=2026-02-12&days=three|应为整数",
      "/api/calendar/add-working-days?days=3|缺少参数 from",
      "/api/calendar/add-working-days?from=12/02/2026&days=3|参数 from 应为日期",
      "/api/calendar/count-working-days?from=2026-02-24&to=2026-02-12|不能早于",
      "/api/calendar/count-working-days?from=2026-02-12|缺少参数 to",
      "/api/calendar/days/2026-02-14?region=22-01|6位、9位或12位数字"})
  void badInputIs400WithAClearMessage(String url, String message) throws Exception {
    mvc.perform(get(url).with(CLERK))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString(message)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/api/calendar/days/2031-05-01|2031",
      "/api/calendar/days/2019-12-31|2019",
      "/api/calendar/add-working-days?from=2026-12-30&days=5|2027",
      "/api/calendar/count-working-days?from=2026-12-01&to=2031-01-05|2027"})
  void yearWithoutDataIs422NamingTheYear(String url, int year) throws Exception {
    mvc.perform(get(url).with(CLERK))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.missingYear").value(year))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString(year + "年")));
  }

  @Test
  void authenticationAndRoles() throws Exception {
    mvc.perform(get("/api/calendar/days/2026-02-14")).andExpect(status().isUnauthorized());
    mvc.perform(post("/api/calendar/years").with(CLERK).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/calendar/provisional-deadlines").with(CLERK)).andExpect(status().isForbidden());
    mvc.perform(get("/api/calendar/changes").with(CLERK)).andExpect(status().isForbidden());
  }

  @Test
  void shippedYearsWithSourcesAndLoader() throws Exception {
    mvc.perform(get("/api/calendar/years").with(CLERK))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].year").value(Matchers.hasItems(2020, 2021, 2022, 2023, 2024, 2025, 2026)))
        .andExpect(jsonPath("$[?(@.year == 2023)].holidays").value(Matchers.contains(27)))
        .andExpect(jsonPath("$[?(@.year == 2020)].papers[1]").value(Matchers.contains(
            "http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm")));
  }

  @Test
  void aBadFileIs400AndChangesNothing() throws Exception {
    var before = repository.notices();
    // 2026-02-16 would be a weekday make-up day: the whole file is refused, including the valid 2026 part
    String bad = "{\"2026\": {\"off\": [\"2026-01-01\"], \"makeup_workdays\": [\"2026-02-16\"], "
        + "\"papers\": [\"https://www.gov.cn/x\"]}}";
    mvc.perform(post("/api/calendar/years").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(bad))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("only weekend days")));
    mvc.perform(post("/api/calendar/years").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("{oops"))
        .andExpect(status().isBadRequest());
    assertThat(repository.notices()).isEqualTo(before);
  }

  @Test
  void correctingAYearIsAuditedWithWhoAndWhat() throws Exception {
    byte[] shipped = getClass().getResourceAsStream("/calendar/2025.json").readAllBytes();
    mvc.perform(post("/api/calendar/years").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content(new String(shipped, StandardCharsets.UTF_8)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.years[0]").value(2025))
        .andExpect(jsonPath("$.replaced[0]").value("2025"));
    mvc.perform(get("/api/calendar/changes").with(ADMIN))
        .andExpect(jsonPath("$[0].action").value("CORRECT_YEAR"))
        .andExpect(jsonPath("$[0].subject").value("2025"))
        .andExpect(jsonPath("$[0].actor").value("root"));
    mvc.perform(get("/api/calendar/years").with(CLERK))
        .andExpect(jsonPath("$[?(@.year == 2025)].loadedBy").value(Matchers.contains("root")));
  }
}
