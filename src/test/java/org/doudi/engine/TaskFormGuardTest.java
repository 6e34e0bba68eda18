package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task's completion may carry only its deployed form's fields (engine.internal.VariableGuard), checked in the
 * completing command's own transaction, with the form parsed once per form definition: a form bound "latest" that is
 * deployed again with another field is the form the next completion is checked against, and a refused completion
 * changes nothing.
 */
@DoudiTest
class TaskFormGuardTest {

  static final String KEY = "test-form-guard";
  static final String FORM = "test-form-guard-form";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  void deployForm(String field) {
    String json = "{\"id\":\"" + FORM + "\",\"type\":\"default\",\"schemaVersion\":16,\"components\":["
        + "{\"id\":\"Field_" + field + "\",\"key\":\"" + field + "\",\"label\":\"字段\",\"type\":\"textfield\"}]}";
    repository.createDeployment().name("form-guard-test-form").addString("test-form-guard.form", json).deploy();
  }

  String startCase() {
    repository.createDeployment().name("form-guard-test").enableDuplicateFiltering(true)
        .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Fill").name("填写").camundaFormRef(FORM).camundaFormRefBinding("latest").endEvent().done())
        .deploy();
    return runtime.startProcessInstanceByKey(KEY).getId();
  }

  String task(String pid) {
    return tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
  }

  @Test
  void aCompletionIsCheckedAgainstTheFormDeployedLast() {
    deployForm("first");
    String one = startCase();
    String two = startCase();
    assertThatThrownBy(() -> tasks.complete(task(one), Map.of("second", "x")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("second");
    assertThat(runtime.getVariables(one)).doesNotContainKey("second");
    tasks.complete(task(one), Map.of("first", "x"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(one).count()).isZero();

    deployForm("second"); // the same key again: a new form definition, its resource new
    assertThatThrownBy(() -> tasks.complete(task(two), Map.of("first", "x")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("first");
    assertThat(runtime.getVariables(two)).doesNotContainKey("first");
    tasks.complete(task(two), Map.of("second", "x"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(two).count()).isZero();
  }
}
