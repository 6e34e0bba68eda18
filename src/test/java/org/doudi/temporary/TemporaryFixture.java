package org.doudi.temporary;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.platform.ProcessFixture;

/** Test helpers for the 临时救助 processes: the engine clock in China time, jobs, tasks. */
final class TemporaryFixture extends ProcessFixture {
  /** 王五, a valid ID number (check digit computed); the simulator finds nothing hidden. */
  static final String ID = org.doudi.eligibility.TestIds.id("220122", "19800101", "001");

  TemporaryFixture(TaskService tasks, ManagementService management) {
    super(tasks, management);
  }
}
