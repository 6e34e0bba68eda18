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
}
