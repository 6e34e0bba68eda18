package org.doudi.unemployed;

import org.camunda.bpm.engine.runtime.ProcessInstance;

/** A process instance by id, for camunda-bpm-assert on running and ended cases alike. */
record CaseRef(String id) implements ProcessInstance {
  @Override public String getId() { return id; }
  @Override public String getProcessInstanceId() { return id; }
  @Override public String getProcessDefinitionId() { return null; }
  @Override public String getProcessDefinitionKey() { return null; }
  @Override public String getBusinessKey() { return null; }
  @Override public String getRootProcessInstanceId() { return id; }
  @Override public String getCaseInstanceId() { return null; }
  @Override public boolean isSuspended() { return false; }
  @Override public boolean isEnded() { return false; }
  @Override public String getTenantId() { return null; }
}
