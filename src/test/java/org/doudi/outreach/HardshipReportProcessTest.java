package org.doudi.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 困难群众主动发现报告: one test per outcome, plus the region rules of the report itself. */
@DoudiTest
class HardshipReportProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @BeforeEach
  void bind() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void unbind() {
    identity.clearAuthentication();
    AbstractAssertions.reset();
  }

  ProcessInstance reportAs(String user, List<String> groups) {
    identity.setAuthentication(user, groups);
    try {
      return runtime.startProcessInstanceByKey("hardship-report", Map.of(
          "householdHead", "孙八", "address", "宝塔村3组", "discoverySource", "VISIT", "situation", "独居老人，无收入"));
    } finally {
      identity.clearAuthentication();
    }
  }

  @ParameterizedTest
  @CsvSource({"APPLY, EndEvent_ReferredToApplication", "WATCH, EndEvent_OnWatchList", "NONE, EndEvent_NoAssistanceNeeded"})
  void eachVerificationOutcomeEndsTheReportAccordingly(String outcome, String end) {
    ProcessInstance pi = reportAs("baota", List.of("village-assistant-220122100201", "region-220122100201"));

    assertThat(pi).isWaitingAt("Task_VerifyReport");
    assertThat(task(pi)).hasCandidateGroup("township-caseworker-220122100").isNotAssigned();
    assertThat(pi).variables().containsEntry("regionCode", "220122100201").containsEntry("reportedBy", "baota");

    tasks.claim(task(pi).getId(), "nongan-cw");
    // a person to watch or help is identified by the ID number (the watch list's register, docs/watch.md)
    tasks.complete(task(pi).getId(), Map.of("verificationOutcome", outcome, "verificationNotes", "已入户核实",
        "subjectIdNumber", org.doudi.eligibility.TestIds.id("220122", "19400101", "071")));
    // asyncAfter: the verification is committed before the process moves on
    assertThat(pi).isWaitingAt("Task_VerifyReport");
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed(end);
  }

  @Test
  void aReportNeedsARegion() {
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("hardship-report", Map.of("householdHead", "周九")))
        .hasMessageContaining("regionCode");
  }

  @Test
  void aReportFromAboveTheTownshipLevelCannotFindItsCaseworkers() {
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("hardship-report",
        Map.of("householdHead", "吴十", "regionCode", "220122")))
        .hasMessageContaining("不在乡镇（街道）之下");
  }
}
