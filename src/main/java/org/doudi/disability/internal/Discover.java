package org.doudi.disability.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.disability.DisabilitySubsidies;
import org.doudi.engine.ProcessBean;
import org.doudi.disability.DisabilityVariables;

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
    execution.setVariable(DisabilityVariables.PERSONS_SCANNED, r.personsScanned());
    execution.setVariable(DisabilityVariables.CANDIDATES, r.candidates());
    execution.setVariable(DisabilityVariables.CASES_OPENED, r.casesOpened());
    execution.setVariable(DisabilityVariables.STOPPED, r.stopped());
  }
}
