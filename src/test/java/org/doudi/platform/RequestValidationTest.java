package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * Request bodies declare their shape with Bean Validation and are checked with {@code @Valid}; a refused shape gets
 * the platform's one answer (400, title 请求内容有误, a detail naming each field by its JSON name with its Chinese
 * message, {@code errors}: field → message) and nothing is written. A caller without the role still gets 403 first.
 */
@DoudiTest
class RequestValidationTest {

  /** Bodies that the controller checks by hand together with its domain rules, to list every problem at once. */
  static final Map<String, String> CHECKED_BY_HAND = Map.of(
      "TekunAssessmentController.java", "validates TekunAssessmentRequest's constraints itself with the assessor's "
          + "rules, so that every problem is listed in one answer (docs/tekun.md)");

  private static final Pattern BODY = Pattern.compile("@RequestBody\\b(?!;)");

  @Test
  void everyRequestBodyIsValidated() throws IOException {
    List<String> unchecked = new ArrayList<>();
    int bodies = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String source = Files.readString(f);
        Matcher m = BODY.matcher(source);
        while (m.find()) {
          // the parameter's own annotations: back to the "(" or "," that opens the parameter
          int start = m.start();
          int depth = 0;
          int i = start - 1;
          for (; i >= 0; i--) {
            char c = source.charAt(i);
            if (c == ')') {
              depth++;
            } else if (c == '(' && depth-- == 0 || c == ',' && depth == 0) {
              break;
            }
          }
          String annotations = source.substring(i + 1, start);
          bodies++;
          if (!annotations.matches("(?s).*@Valid(ated)?\\b.*")
              && !CHECKED_BY_HAND.containsKey(f.getFileName().toString())) {
            int line = source.substring(0, start).split("\n", -1).length;
            unchecked.add(f + ":" + line);
          }
        }
      }
    }
    assertThat(bodies).as("the scan finds the request bodies").isGreaterThan(30);
    assertThat(unchecked).as("@RequestBody parameters without @Valid").isEmpty();
  }

  /** The early authorization check evaluates @PreAuthorize without the method's arguments (not yet read). */
  @Test
  void noPreAuthorizeExpressionUsesAMethodArgument() throws IOException {
    List<String> using = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.contains("@PreAuthorize") && line.contains("#")) {
            using.add(f + ": " + line.strip());
          }
        }
      }
    }
    assertThat(using).isEmpty();
  }

  static final RequestPostProcessor ADMIN = user("root").roles("ADMIN");
  static final RequestPostProcessor CASEWORKER = user("clerk").roles("TOWNSHIP_CASEWORKER");

  @Autowired WebApplicationContext web;
  @Autowired JdbcTemplate jdbc;
  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
  }

  @Test
  void aClosureWithoutReasonNamesTheFieldAndAddsNothing() throws Exception {
    int closures = count("cal_region_closure");
    int changes = count("cal_change_log");
    mvc.perform(post("/api/calendar/closures").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content("{\"regionCode\":\"220102\",\"date\":\"2026-03-04\",\"reason\":\"  \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("请求内容有误"))
        .andExpect(jsonPath("$.detail").value("reason：停止办公须填写原因说明（1至500字）"))
        .andExpect(jsonPath("$.errors.reason").value("停止办公须填写原因说明（1至500字）"));
    assertThat(count("cal_region_closure")).isEqualTo(closures);
    assertThat(count("cal_change_log")).isEqualTo(changes);
  }

  @Test
  void aCallerWithoutTheRoleIsRefusedBeforeTheBodyIsChecked() throws Exception {
    mvc.perform(post("/api/calendar/closures").with(CASEWORKER).contentType(MediaType.APPLICATION_JSON)
            .content("{}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void anApplicationWithoutItsRequiredFieldsListsEachFieldAndStoresNothing() throws Exception {
    int applications = count("household_application");
    mvc.perform(post("/api/eligibility/dibao").with(user("baota").roles("VILLAGE_ASSISTANT"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"members\":[],\"address\":\"农安镇\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.countyCode").value("户籍所在县（市、区）代码未填写"))
        .andExpect(jsonPath("$.errors.regionCode").value("居住地村（社区）或乡镇（街道）代码未填写"))
        .andExpect(jsonPath("$.errors.urbanRural").value("户口性质（城市/农村）未填写"))
        .andExpect(jsonPath("$.errors.members").value("家庭成员未填写，至少应有申请人本人"))
        .andExpect(jsonPath("$.detail").value(Matchers.allOf(Matchers.containsString("countyCode：户籍所在县"),
            Matchers.containsString("members：家庭成员未填写"))));
    assertThat(count("household_application")).isEqualTo(applications);
  }

  @Test
  void aStopOrWithdrawalWithoutReasonIsRefusedBeforeTheCaseIsLookedUp() throws Exception {
    mvc.perform(post("/api/temporary/expenditure/no-such-case/stop").with(CASEWORKER)
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("reason：请填写停止发放的原因（2到1000个字）"));
    mvc.perform(post("/api/cases/no-such-case/withdrawal").with(CASEWORKER)
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.reason").value("请填写撤回理由（1到500个字）"));
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }
}
