package org.doudi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Access is granted, never revoked ({@link AuthorizedGroups}): a REVOKE authorization is refused with a Chinese 400
 * on the Java API and Camunda's REST API and nothing is stored, so the engine does not look for one before each check;
 * REVOKE rows written before the guard are still honoured after a start that finds them.
 */
@DoudiTest
class RevokeAuthorizationsTest {

  static final String USER = "revoke-test-user";
  static final String KEY = "revoke-test-process";

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @AfterEach
  void clean() {
    jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE USER_ID_ = ?", USER);
  }

  AuthorizedGroups.Factory liveFactory() {
    return (AuthorizedGroups.Factory) ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getSessionFactories().get(AuthorizationManager.class);
  }

  long revokes() {
    return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
  }

  @Test
  void aRevokeIsRefusedOnEveryWayInAndTheEngineStartedWithoutLookingForThem() {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(USER);
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId(KEY);
    revoke.removePermission(Permissions.READ);
    assertThatThrownBy(() -> authorizations.saveAuthorization(revoke)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("本系统不使用“拒绝”授权");

    Http.Response rest = new Http(port).send("demo", "POST", "/engine-rest/authorization/create",
        "{\"type\":2,\"permissions\":[\"READ\"],\"userId\":\"" + USER + "\",\"resourceType\":6,\"resourceId\":\""
            + KEY + "\"}");
    assertThat(rest.status()).as(rest.body()).isEqualTo(400);
    assertThat(rest.body()).contains("本系统不使用“拒绝”授权");
    assertThat(revokes()).isZero();

    // the engine running this test found none at its start: its checks do not look for them
    assertThat(new AuthorizedGroups(liveFactory()).isRevokeAuthCheckEnabled(USER, List.of())).isFalse();
  }

  @Test
  void revokesWrittenBeforeTheGuardAreHonouredUntilAStartFindsNone() {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(USER);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("*");
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
    // as an older version let Camunda Admin write it
    jdbc.update("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) "
        + "VALUES ('revoke-test-row', 1, 2, ?, ?, ?, ?)", USER, Resources.PROCESS_DEFINITION.resourceType(), KEY,
        ~Permissions.READ.getValue());

    AuthorizedGroups.Factory live = liveFactory();
    try {
      live.checkRevokes(engine); // what a start that finds the row does
      assertThat(authorizations.isUserAuthorized(USER, List.of(), Permissions.READ, Resources.PROCESS_DEFINITION,
          KEY)).as("the old revoke still takes READ away").isFalse();
      assertThat(authorizations.isUserAuthorized(USER, List.of(), Permissions.READ, Resources.PROCESS_DEFINITION,
          "other-process")).isTrue();
    } finally {
      jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE ID_ = 'revoke-test-row'");
      live.checkRevokes(engine); // a start that finds none
    }
    assertThat(new AuthorizedGroups(live).isRevokeAuthCheckEnabled(USER, List.of())).isFalse();
    assertThat(authorizations.isUserAuthorized(USER, List.of(), Permissions.READ, Resources.PROCESS_DEFINITION, KEY))
        .isTrue();
  }
}
