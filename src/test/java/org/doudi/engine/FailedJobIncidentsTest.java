package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.TestProcessBeans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Failed-job incidents with {@code engine.internal.FailedJobIncidents} (no incident look-up after a job that succeeded
 * with retries left): an incident still comes when the retries run out and goes when they are set again or the job
 * then succeeds; a job that succeeds, at once or after a failure, leaves none.
 */
@DoudiTest
class FailedJobIncidentsTest {

  static final String KEY = "test-flaky-step";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired TestProcessBeans.FlakyStep flaky;

  @BeforeEach
  void deploy() {
    repository.createDeployment().name("failed-job-incidents-test").enableDuplicateFiltering(true)
        .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("ServiceTask_Flaky").camundaAsyncBefore().camundaDelegateExpression("${flakyStep}")
            .userTask("Task_After").endEvent().done()).deploy();
  }

  @AfterEach
  void reset() {
    flaky.failing.set(false);
  }

  Job job(String pid) {
    return management.createJobQuery().processInstanceId(pid).singleResult();
  }

  long incidents(String pid) {
    return runtime.createIncidentQuery().processInstanceId(pid).count();
  }

  @Test
  void anIncidentComesWhenRetriesRunOutAndGoesWhenTheyAreSetAgainOrTheJobSucceeds() {
    String pid = runtime.startProcessInstanceByKey(KEY).getId();
    String jobId = job(pid).getId();
    flaky.failing.set(true);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("on purpose");
    }
    assertThat(job(pid).getRetries()).isZero();
    assertThat(incidents(pid)).isEqualTo(1);

    management.setJobRetries(jobId, 1);
    assertThat(incidents(pid)).isZero();
    assertThat(history.createHistoricIncidentQuery().processInstanceId(pid).resolved().count()).isEqualTo(1);

    assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("on purpose");
    assertThat(incidents(pid)).isEqualTo(1);
    // run again by hand with no retries left, now succeeding: its incident goes with it
    flaky.failing.set(false);
    management.executeJob(jobId);
    assertThat(incidents(pid)).isZero();
    assertThat(job(pid)).isNull();
    assertThat(runtime.createExecutionQuery().processInstanceId(pid).activityId("Task_After").count()).isEqualTo(1);
    assertThat(history.createHistoricIncidentQuery().processInstanceId(pid).open().count()).isZero();
  }

  @Test
  void aJobThatSucceedsAtOnceOrAfterAFailureLeavesNoIncident() {
    String once = runtime.startProcessInstanceByKey(KEY).getId();
    management.executeJob(job(once).getId());
    assertThat(job(once)).isNull();
    assertThat(history.createHistoricIncidentQuery().processInstanceId(once).count()).isZero();

    String later = runtime.startProcessInstanceByKey(KEY).getId();
    String jobId = job(later).getId();
    flaky.failing.set(true);
    assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("on purpose");
    assertThat(job(later).getRetries()).isEqualTo(2);
    flaky.failing.set(false);
    management.executeJob(jobId);
    assertThat(job(later)).isNull();
    assertThat(incidents(later)).isZero();
    assertThat(history.createHistoricIncidentQuery().processInstanceId(later).count()).isZero();
  }
}
