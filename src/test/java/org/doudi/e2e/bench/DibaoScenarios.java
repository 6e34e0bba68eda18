package org.doudi.e2e.bench;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;

/** The 低保 cases of the benchmark (added once the process dibao-application is deployable). */
final class DibaoScenarios {

  private DibaoScenarios() {}

  static List<Scenario> all(ApplicationContext app, ProcessEngine engine, CaseDriver driver) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("dibao-application").count() == 0) {
      System.out.println("dibao-application is not deployed: only the bare process runs");
      return List.of();
    }
    return List.of();
  }
}
