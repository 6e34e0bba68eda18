package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.doudi.DoudiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile the first administrator comes from configuration; there is no default account. */
class AdminBootstrapIT {

  /** Settings as command-line arguments, which outrank application.yaml as environment variables would. */
  ConfigurableApplicationContext run(boolean webapps, String... settings) {
    String[] args = java.util.stream.Stream.concat(
        java.util.stream.Stream.of("--server.port=0", "--camunda.bpm.webapp.enabled=" + webapps),
        java.util.stream.Stream.of(settings).map(s -> "--" + s)).toArray(String[]::new);
    return new SpringApplicationBuilder(DoudiApplication.class).profiles("test").run(args);
  }


  @Test
  void refusesToStartWithoutAnAdministrator() {
    // without the web apps: they keep a static reference to the context, which a start that fails half-way
    // never clears, so the next context in this JVM would not start
    assertThatThrownBy(() -> run(false).close())
        .hasStackTraceContaining("No administrator: set DOUDI_ADMIN_USER and DOUDI_ADMIN_PASSWORD");
  }

  @Test
  void refusesToCreateTheConfiguredAdministratorWithoutAPassword() {
    assertThatThrownBy(() -> run(false, "doudi.admin.username=chief").close())
        .hasStackTraceContaining("DOUDI_ADMIN_PASSWORD");
  }

  @Test
  void refusesAWeakAdministratorPassword() {
    assertThatThrownBy(() -> run(false, "doudi.admin.username=chief", "doudi.admin.password=demo").close())
        .hasStackTraceContaining("password policy");
  }

  @Test
  void createsTheConfiguredAdministratorAndNoDemoStaff() {
    try (ConfigurableApplicationContext ctx = run(true, "doudi.admin.username=chief", "doudi.admin.password=s3cret-Pa55")) {
      IdentityService identity = ctx.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting("id").containsExactly("chief");
      assertThat(identity.checkPassword("chief", "s3cret-Pa55")).isTrue();
      assertThat(identity.createUserQuery().userId("demo").count()).isZero();
      assertThat(identity.createUserQuery().count()).isEqualTo(1);
    }
  }
}
