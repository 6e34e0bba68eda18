package org.doudi.e2e.bench;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.doudi.identity.CaseVariables;

/**
 * The baseline: start → one service task (sets one variable) → one user task (township caseworker of the case's
 * region, same candidate-group expression as the 低保 acceptance) → end. Same engine, same plugins (region
 * grants, deadline listeners), same driver — what any process costs here.
 */
final class BareScenario implements Scenario {

  static final String KEY = "bench-bare";
  static final String REGION = "220122100201"; // 宝塔村, 农安镇
  static final String USER = "nongan-cw";

  /** The bare service task's work: one variable. */
  public static class Touch implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("touched", true);
    }
  }

  private final ProcessEngine engine;
  private final CaseDriver driver;

  BareScenario(ProcessEngine engine, CaseDriver driver) {
    this.engine = engine;
    this.driver = driver;
  }

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(KEY).name("基准：一个服务任务一个用户任务").camundaHistoryTimeToLive(1)
        .startEvent("start")
        .serviceTask("touch").name("服务任务").camundaClass(Touch.class.getName())
        .userTask("work").name("用户任务").camundaCandidateGroups("${groups.of('TOWNSHIP_CASEWORKER', regionCode)}")
        .endEvent("end")
        .done();
  }

  void deploy() {
    engine.getRepositoryService().createDeployment().name("benchmark").enableDuplicateFiltering(true)
        .addModelInstance(KEY + ".bpmn", model()).deploy();
  }

  @Override
  public String name() {
    return "bare (1 service + 1 user task)";
  }

  @Override
  public int runOne(int i) {
    String[] id = new String[1];
    driver.as(USER, () -> id[0] = engine.getRuntimeService()
        .startProcessInstanceByKey(KEY, "bare-" + i, Map.of(CaseVariables.REGION_CODE, REGION)).getId());
    return driver.finish(id[0], Map.of("work", new CaseDriver.Answer(USER, t -> Map.of("done", true))), List.of());
  }
}
