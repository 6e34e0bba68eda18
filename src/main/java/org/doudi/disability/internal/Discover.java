package org.doudi.disability.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.disability.DisabilitySubsidies;
import org.doudi.engine.ProcessBean;

/** 主动发现 (process {@code disability-discovery}, daily): {@link DisabilitySubsidies#discover} for the province. */
@ProcessBean("disabilityDiscover")
public class Discover implements JavaDelegate {

  private final DisabilitySubsidies subsidies;

  public Discover(DisabilitySubsidies subsidies) {
    this.subsidies = subsidies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisabilitySubsidies.DiscoveryResult r = subsidies.discover("", "system");
    execution.setVariable("personsScanned", r.personsScanned());
    execution.setVariable("candidates", r.candidates());
    execution.setVariable("casesOpened", r.casesOpened());
    execution.setVariable("stopped", r.stopped());
  }
}
