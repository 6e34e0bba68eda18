package org.doudi.household;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

@DoudiTest
class ApplicationProblemsTest {

  @Autowired
  ObjectMapper json;

  @Test
  void invalidApplicationBecomesA400WithViolations() throws Exception {
    InvalidApplicationException e = new InvalidApplicationException(List.of(
        new Violation("members[1].idNumber", "第2位成员（李四）的身份证号码校验位错误，应为X"),
        new Violation("address", "居住地址未填写")));
    ProblemDetail p = ApplicationProblems.of(e);
    JsonNode body = json.readTree(json.writeValueAsString(p));
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("title").asText()).isEqualTo("申请内容有误");
    assertThat(body.get("type").asText()).isEqualTo("urn:doudi:problem:invalid-application");
    assertThat(body.get("detail").asText())
        .isEqualTo("申请内容有2处错误：第2位成员（李四）的身份证号码校验位错误，应为X；居住地址未填写");
    assertThat(body.get("violations")).hasSize(2);
    assertThat(body.get("violations").get(0).get("field").asText()).isEqualTo("members[1].idNumber");
    assertThat(body.get("violations").get(0).get("message").asText())
        .isEqualTo("第2位成员（李四）的身份证号码校验位错误，应为X");
  }

  Violation unreadable(String body) {
    try {
      json.readValue(body, HouseholdApplication.class);
    } catch (Exception e) {
      ProblemDetail p = ApplicationProblems.of(new HttpMessageNotReadableException("bad", e,
          new MockHttpInputMessage(body.getBytes())));
      @SuppressWarnings("unchecked")
      List<Violation> v = (List<Violation>) p.getProperties().get("violations");
      assertThat(p.getStatus()).isEqualTo(400);
      return v.get(0);
    }
    throw new AssertionError("expected the JSON to be refused: " + body);
  }

  @Test
  void jsonThatDoesNotFitTheRecordNamesTheField() {
    assertThat(unreadable("{\"members\":[{\"name\":\"张三\"},{\"relation\":\"COUSIN\"}]}")).isEqualTo(new Violation(
        "members[1].relation", "字段 members[1].relation 的值“COUSIN”无效，可选值：SELF、SPOUSE、CHILD、PARENT、"
            + "GRANDPARENT、GRANDCHILD、SIBLING、OTHER"));
    assertThat(unreadable("{\"members\":[{\"rigidExpenses\":\"很多\"}]}").field())
        .isEqualTo("members[0].rigidExpenses");
    assertThat(unreadable("{\"members\":[{\"rigidExpenses\":\"很多\"}]}").message()).endsWith("应为数字");
    assertThat(unreadable("{\"countyCode\": ").field()).isEmpty();
    assertThat(unreadable("{\"countyCode\": ").message()).isEqualTo("请求内容不是有效的JSON");
  }

  @Test
  void theSampleJsonOfTheContractMapsToTheRecord() throws Exception {
    String body = """
        {"countyCode":"220122","regionCode":"220122100201","urbanRural":"RURAL","address":"农安县农安镇宝塔村3组",
         "contactPhone":"13800000000",
         "members":[{"name":"张三","idNumber":"%s","relation":"SELF","hukouCountyCode":"220122",
           "hukouUrbanRural":"RURAL","disabilityCategory":null,"disabilityGrade":null,"seriousIllness":false,
           "ableToWork":false,"student":false,"monthlyIncome":{"WAGE":0,"BUSINESS":0,"PROPERTY":0,"TRANSFER":0,
           "OTHER":0,"PENSION_BASIC":0,"VETERAN_BENEFIT":0,"FAMILY_PLANNING_REWARD":0,"SCHOLARSHIP":0,
           "GOOD_SAMARITAN_AWARD":0,"SOCIAL_ASSISTANCE":0},"rigidExpenses":0}],
         "assets":[{"type":"DEPOSIT","description":"农商行活期","value":3000.00}],
         "authorisationSigned":true,"pledgeSigned":true,"agent":null,
         "bankAccount":{"bankName":"农安农商银行","accountNumber":"6228480012345678901","holderName":"张三"},
         "separateRegistration":false,"separateRegistrationNote":null}
        """.formatted(TestApplications.ZHANG_SAN);
    HouseholdApplication a = json.readValue(body, HouseholdApplication.class);
    assertThat(a.applicant().name()).isEqualTo("张三");
    assertThat(a.members().get(0).monthlyIncome()).hasSize(11);
    assertThat(a.assets().get(0).value()).isEqualByComparingTo("3000");
  }
}
