package org.doudi.e2e.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.doudi.dibao.DibaoCases;
import org.doudi.e2e.DibaoHappyPath;
import org.doudi.household.TestApplications;
import org.springframework.context.ApplicationContext;

/**
 * The 低保 case of the benchmark: an online application through the intake service ({@code DibaoCases.apply}:
 * validation, the case record, the process start), then every step of {@link DibaoHappyPath} — acceptance,
 * investigation, information check (simulator), assessment, 初审, 公示 (its timer fired), the county's approval
 * and the decision record.
 */
final class DibaoScenarios {

  private DibaoScenarios() {}

  static List<Scenario> all(ApplicationContext app, ProcessEngine engine, CaseDriver driver) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(DibaoHappyPath.PROCESS)
        .count() == 0) {
      throw new IllegalStateException(DibaoHappyPath.PROCESS + " is not deployed");
    }
    DibaoCases cases = app.getBean(DibaoCases.class);
    Map<String, CaseDriver.Answer> answers = new LinkedHashMap<>();
    DibaoHappyPath.steps().forEach((key, step) ->
        answers.put(key, new CaseDriver.Answer(step.user(), t -> step.values())));
    return List.of(new Scenario() {
      @Override
      public String name() {
        return "低保 happy path (application → approval)";
      }

      @Override
      public int runOne(int i) {
        String[] id = new String[1];
        driver.as("nongan-cw", () -> id[0] = cases.apply(TestApplications.unique(TestApplications.household()), "nongan-cw").processInstanceId());
        return driver.finish(id[0], answers, DibaoHappyPath.FIRABLE_TIMERS, List.of(DibaoHappyPath.NOTICE));
      }
    });
  }
}
