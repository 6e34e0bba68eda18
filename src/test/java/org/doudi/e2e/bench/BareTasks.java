package org.doudi.e2e.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.doudi.identity.CaseVariables;

/**
 * The bare process: the user tasks a 低保 case completes (same ids, names, candidate groups as they resolved, the same
 * users and form values), one after the other, and nothing else — no service task, no listener, no timer; the tasks keep their form reference, as the project's guard
 * lets a completion carry only its form's fields.
 * Deployed on the project's engine (where the project's plugins still attach to it: region grants, guards, audit)
 * and on a stock engine, it says what the user tasks alone cost on each.
 */
final class BareTasks {

  static final String KEY = "bench-bare-tasks";
  static final String REGION = "220122100201"; // 宝塔村, 农安镇

  /** One user task as the 低保 case met it. */
  record Shape(String id, String name, String candidateGroups, String formRef, String user,
      Map<String, Object> values) {}

  private BareTasks() {}

  static BpmnModelInstance model(List<Shape> tasks) {
    AbstractFlowNodeBuilder<?, ?> b = Bpmn.createExecutableProcess(KEY).name("基准：低保案件的用户任务")
        .camundaHistoryTimeToLive(1).startEvent("start");
    for (Shape t : tasks) {
      var task = b.userTask(t.id()).name(t.name()).camundaCandidateGroups(t.candidateGroups());
      // the same form reference: a completion may carry the form's fields only (engine.GuardedVariables)
      b = t.formRef() == null ? task : task.camundaFormRef(t.formRef()).camundaFormRefBinding("latest");
    }
    return b.endEvent("end").done();
  }

  static Scenario deploy(String name, ProcessEngine engine, CaseDriver driver, List<Shape> tasks) {
    engine.getRepositoryService().createDeployment().name("benchmark").enableDuplicateFiltering(true)
        .addModelInstance(KEY + ".bpmn", model(tasks)).deploy();
    String starter = tasks.get(0).user();
    if (engine.getProcessEngineConfiguration().isAuthorizationEnabled()) {
      // the project's engine: the first task's user may start the bare process, as she may start a 低保 case
      var auth = engine.getAuthorizationService();
      var a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setUserId(starter);
      a.setResource(Resources.PROCESS_DEFINITION);
      a.setResourceId(KEY);
      a.addPermission(Permissions.CREATE_INSTANCE);
      a.addPermission(Permissions.READ);
      auth.saveAuthorization(a);
    }
    Map<String, CaseDriver.Answer> answers = new LinkedHashMap<>();
    tasks.forEach(t -> answers.put(t.id(), new CaseDriver.Answer(t.user(), x -> t.values())));
    return new Scenario() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int runOne(int i) {
        String[] id = new String[1];
        driver.as(starter, () -> id[0] = engine.getRuntimeService()
            .startProcessInstanceByKey(KEY, name.substring(0, 3) + "-" + i + "-" + System.nanoTime(),
                Map.of(CaseVariables.REGION_CODE, REGION)).getId());
        return driver.finish(id[0], answers, List.of());
      }
    };
  }
}
