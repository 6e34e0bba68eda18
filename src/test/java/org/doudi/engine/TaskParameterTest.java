package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** A service task's input parameter: a known value is read, a missing or unknown one stops the step naming the task. */
class TaskParameterTest {

  static final TaskParameter STATUS = TaskParameter.of("closeStatus", "REJECTED", "WITHDRAWN");

  static DelegateExecution task(Object value) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariableLocal("closeStatus")).thenReturn(value);
    when(execution.getCurrentActivityId()).thenReturn("ServiceTask_RecordDelivery");
    when(execution.getCurrentActivityName()).thenReturn("记录送达");
    when(execution.getProcessDefinitionId()).thenReturn("tekun-recognition:7:abc");
    return execution;
  }

  @Test
  void aKnownValueIsRead() {
    assertThat(STATUS.read(task("REJECTED"))).isEqualTo("REJECTED");
    assertThat(STATUS.read(task("WITHDRAWN"))).isEqualTo("WITHDRAWN");
  }

  @Test
  void anUnknownValueStopsTheStepNamingTheTask() {
    assertThatThrownBy(() -> STATUS.read(task("LAPSED"))).isInstanceOf(IllegalStateException.class)
        .hasMessage("Service task '记录送达' (ServiceTask_RecordDelivery) of tekun-recognition:7:abc: input parameter "
            + "closeStatus is 'LAPSED'; expected one of [REJECTED, WITHDRAWN]");
    assertThatThrownBy(() -> STATUS.read(task("rejected"))).hasMessageContaining("closeStatus is 'rejected'");
    assertThatThrownBy(() -> STATUS.read(task(1))).hasMessageContaining("closeStatus is '1'");
  }

  @Test
  void aMissingValueIsNoDefault() {
    assertThatThrownBy(() -> STATUS.read(task(null))).isInstanceOf(IllegalStateException.class)
        .hasMessage("Service task '记录送达' (ServiceTask_RecordDelivery) of tekun-recognition:7:abc: input parameter "
            + "closeStatus is missing; expected one of [REJECTED, WITHDRAWN]");
  }

  @Test
  void aParameterNeedsANameAndValues() {
    assertThatThrownBy(() -> TaskParameter.of("closeStatus")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TaskParameter.of(" ", "A")).isInstanceOf(IllegalArgumentException.class);
  }
}
