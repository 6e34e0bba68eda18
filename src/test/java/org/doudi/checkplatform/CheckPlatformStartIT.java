package org.doudi.checkplatform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.doudi.DoudiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** In {@code http} mode (the default outside the demo and test profiles) the application does not start without a URL. */
class CheckPlatformStartIT {

  @Test
  void httpModeWithoutAUrlRefusesToStart() {
    // the web apps off: a start that fails half-way would leave their static context behind (AdminBootstrapIT)
    assertThatThrownBy(() -> new SpringApplicationBuilder(DoudiApplication.class).profiles("test")
        .run("--server.port=0", "--camunda.bpm.webapp.enabled=false", "--doudi.admin.username=chief",
            "--doudi.admin.password=s3cret-Pa55", "--doudi.check-platform.mode=http",
            "--doudi.check-platform.url=").close())
        .hasStackTraceContaining("doudi.check-platform.url (DOUDI_CHECK_PLATFORM_URL) must be set");
  }
}
