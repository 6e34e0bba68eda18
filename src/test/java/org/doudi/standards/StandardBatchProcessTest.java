package org.doudi.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 标准批次审批 in Tasklist: the upload starts it, the uploader cannot approve their own batch through the task either,
 * only an administrator decides, approval records the rows, rejection records nothing, and a decision through the
 * API ends the task. Counties of its own (吉林市's), not used by the other tests.
 */
@DoudiTest
class StandardBatchProcessTest {

  @Autowired StandardBatches batches;
  @Autowired DibaoStandards dibao;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired Staff staff;

  @BeforeEach
  void administrators() {
    staff.ensureUser("std-uploader", "上传", "甲", "demo", Role.ADMIN, "220000");
  }

  Task task(long batchId) {
    return tasks.createTaskQuery().processInstanceBusinessKey("standard-batch:" + batchId).singleResult();
  }

  List<String> ended(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityType("noneEndEvent")
        .list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  void runJobs(String processInstanceId) {
    for (Job j : management.createJobQuery().processInstanceId(processInstanceId).list()) {
      management.executeJob(j.getId());
    }
  }

  @Test
  void theUploaderCannotApproveInTasklistAnotherAdministratorDoes() {
    StandardBatch b = batches.upload(StandardKind.DIBAO, LocalDate.of(2030, 1, 1), "吉林市人民政府通知（测试）",
        "220211,城市,790\n220211,农村,590\n", "jilin.csv", "std-uploader");
    Task t = task(b.id());
    assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_ApproveBatch");
    assertThat(t.getName()).isEqualTo("标准批次审批");
    assertThat(tasks.getVariable(t.getId(), StandardBatchVariables.BATCH_SUMMARY).toString())
        .contains("共2行").contains("第1行 220211 城市 790.00元");
    assertThat(tasks.createTaskQuery().taskId(t.getId()).taskCandidateGroup("camunda-admin").count()).isEqualTo(1);

    tasks.claim(t.getId(), "std-uploader");
    assertThatThrownBy(() -> tasks.complete(t.getId(), Map.of("decision", "APPROVE")))
        .hasMessageContaining("不能批准本人上传的标准批次");
    tasks.setAssignee(t.getId(), "na-county-approver");
    assertThatThrownBy(() -> tasks.complete(t.getId(), Map.of("decision", "APPROVE")))
        .hasMessageContaining("只有系统管理员可以审批标准批次");
    tasks.setAssignee(t.getId(), "demo");
    assertThatThrownBy(() -> tasks.complete(t.getId(), Map.of("decision", "REJECT")))
        .hasMessageContaining("驳回须写明理由");
    assertThat(dibao.find("220211", "URBAN", LocalDate.of(2030, 1, 1))).isEmpty();
    assertThat(batches.get(b.id()).status()).isEqualTo("PENDING");

    tasks.complete(t.getId(), Map.of("decision", "APPROVE"));

    assertThat(batches.get(b.id()).status()).isEqualTo("APPROVED");
    assertThat(batches.get(b.id()).decidedBy()).isEqualTo("demo");
    assertThat(dibao.require("220211", "URBAN", LocalDate.of(2030, 1, 1)).monthlyStandard()).isEqualByComparingTo("790");
    runJobs(t.getProcessInstanceId());
    assertThat(ended(t.getProcessInstanceId())).containsExactly("EndEvent_InForce");
  }

  @Test
  void aRejectionInTasklistRecordsNothing() {
    StandardBatch b = batches.upload(StandardKind.DIBAO, LocalDate.of(2030, 1, 1), "吉林市人民政府通知（测试）",
        "220221,城市,790\n", null, "std-uploader");
    Task t = task(b.id());
    tasks.claim(t.getId(), "std-uploader"); // the uploader may withdraw
    tasks.complete(t.getId(), Map.of("decision", "REJECT", "decisionNote", "金额录错，撤回"));
    assertThat(batches.get(b.id()).status()).isEqualTo("REJECTED");
    assertThat(dibao.list("220221")).isEmpty();
    runJobs(t.getProcessInstanceId());
    assertThat(ended(t.getProcessInstanceId())).containsExactly("EndEvent_Rejected");
  }

  @Test
  void aDecisionThroughTheApiEndsTheTask() {
    StandardBatch b = batches.upload(StandardKind.DIBAO, LocalDate.of(2030, 1, 1), "吉林市人民政府通知（测试）",
        "220281,城市,790\n", null, "std-uploader");
    String pid = task(b.id()).getProcessInstanceId();
    batches.approve(b.id(), "demo");
    assertThat(task(b.id())).isNull();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(ended(pid)).containsExactly("EndEvent_DecidedElsewhere");
    assertThat(dibao.require("220281", "URBAN", LocalDate.of(2030, 1, 1)).monthlyStandard()).isEqualByComparingTo("790");
  }
}
