package org.doudi.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which of Camunda's 500 answers are the request's own fault (the security matrix met them with placeholder ids). */
class ChineseErrorFilterTest {

  @Test
  void anIdThatDoesNotExistIs404() {
    assertThat(ChineseErrorFilter.Capture.clientFault(500, "RestException",
        "Cannot get case execution variable v: case execution x1 doesn't exist: caseExecution is null")).isEqualTo(404);
    assertThat(ChineseErrorFilter.Capture.clientFault(500, "NullValueException",
        "no deployed process definition found with id 'x1': processDefinition is null")).isEqualTo(404);
  }

  @Test
  void aConditionNoProcessWaitsForIs400() {
    assertThat(ChineseErrorFilter.Capture.clientFault(500, "ProcessEngineException",
        "ENGINE-13043 No subscriptions were found during evaluation of the conditional start events.")).isEqualTo(400);
  }

  @Test
  void aMissingFieldCamundaDereferencesIs400() {
    assertThat(ChineseErrorFilter.Capture.clientFault(500, "NullPointerException", "Cannot invoke \"java.lang.Integer"
        + ".intValue()\" because the return value of \"org.camunda.bpm.engine.rest.dto.runtime.RetriesDto.getRetries()\""
        + " is null")).isEqualTo(400);
    assertThat(ChineseErrorFilter.Capture.clientFault(500, "NullPointerException",
        "Cannot invoke \"java.util.List.iterator()\" because \"this.instructions\" is null")).isEqualTo(400);
    assertThat(ChineseErrorFilter.Capture.clientFault(500, "RestException", "Cannot trigger message m1 for execution x1:"
        + " Execution with id 'x1' does not have a subscription to a message event with name 'm1'")).isEqualTo(404);
    assertThat(ChineseErrorFilter.Capture.clientFault(500, "NullPointerException",
        "Cannot invoke \"org.doudi.payroll.Awards.find()\" because \"this.awards\" is null")).isEqualTo(500);
  }

  @Test
  void jsonSentToAFormResourceIs415() {
    assertThat(ChineseErrorFilter.Capture.clientFault(500, "IllegalStateException", "The @FormParam is utilized when"
        + " the content type of the request entity is not application/x-www-form-urlencoded")).isEqualTo(415);
  }

  @Test
  void ourOwnBugsAndOtherStatusesStayAsTheyAre() {
    assertThat(ChineseErrorFilter.Capture.clientFault(500, "NullPointerException",
        "Cannot invoke \"String.length()\" because \"s\" is null")).isEqualTo(500);
    assertThat(ChineseErrorFilter.Capture.clientFault(500, "ProcessEngineException",
        "ENGINE-03083 Exception while executing Batch Database Operations")).isEqualTo(500);
    assertThat(ChineseErrorFilter.Capture.clientFault(500, null, null)).isEqualTo(500);
    assertThat(ChineseErrorFilter.Capture.clientFault(403, "AuthorizationException", "not found")).isEqualTo(403);
  }

  @Test
  void theEngineWrapperAroundOurRefusalIsTakenOff() {
    String wrapped = "{\"type\":\"RestException\",\"message\":\"Cannot instantiate process definition "
        + "dibao-application:3:a1b2: 申请人身份证号码校验位错误\",\"code\":null}";
    assertThat(ChineseErrorFilter.Capture.unwrap(wrapped)).contains("\"message\":\"申请人身份证号码校验位错误\"")
        .contains("\"type\":\"RestException\"").doesNotContain("Cannot instantiate");
    assertThat(ChineseErrorFilter.Capture.unwrap("{\"message\":\"Cannot submit task form t1: 请填写调查人员\"}"))
        .contains("\"message\":\"请填写调查人员\"");
    // an English engine message stays for the generic rewrite; a body that is not JSON is left alone
    assertThat(ChineseErrorFilter.Capture.unwrap("{\"message\":\"Cannot instantiate process definition x: "
        + "Unknown property used in expression\"}")).isNull();
    assertThat(ChineseErrorFilter.Capture.unwrap("<html>Cannot instantiate process definition x: 中文</html>")).isNull();
  }

  @Test
  void anEnglishReasonPhraseIsNotRepeated() {
    assertThat(ChineseErrorFilter.Capture.isReasonPhrase("Unauthorized")).isTrue();
    assertThat(ChineseErrorFilter.Capture.isReasonPhrase("Not Found")).isTrue();
    assertThat(ChineseErrorFilter.Capture.isReasonPhrase("Cannot convert value 'x'")).isFalse();
    assertThat(ChineseErrorFilter.WEB_APP_LOGIN.matcher("/camunda/api/admin/auth/user/default/login/tasklist")
        .matches()).isTrue();
    assertThat(ChineseErrorFilter.WEB_APP_LOGIN.matcher("/camunda/api/admin/auth/user/default").matches()).isFalse();
  }
}
