package org.doudi.platform;

import org.doudi.DoudiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Features talk to each other only through their top-level packages, without cycles. */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(DoudiApplication.class);

  @Test
  void moduleBoundariesHold() {
    MODULES.verify();
  }

  @Test
  void writeModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
