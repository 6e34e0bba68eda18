package org.doudi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scheme is the model's module folder, also for versions deployed before a model moved there. */
class ModelSchemesTest {

  @Test
  void theFolderNamesTheScheme() {
    assertThat(ModelSchemes.of("processes/dibao/dibao-application.bpmn")).isEqualTo("dibao");
    assertThat(ModelSchemes.of("processes/payroll/monthly-payroll.bpmn")).isEqualTo("payroll");
    assertThat(ModelSchemes.of("x.bpmn")).isNull();
  }

  @Test
  void versionsDeployedBeforeTheMoveCountUnderTheirModuleOfToday() {
    assertThat(ModelSchemes.of("processes/payment/monthly-payroll.bpmn")).isEqualTo("payroll");
    assertThat(ModelSchemes.of("processes/payment/overpayment-recovery.bpmn")).isEqualTo("funds");
    assertThat(ModelSchemes.of("processes/temporary/unemployed-assistance.bpmn")).isEqualTo("unemployed");
    assertThat(ModelSchemes.of("processes/temporary/emergency-assistance.bpmn")).isEqualTo("temporary");
  }
}
