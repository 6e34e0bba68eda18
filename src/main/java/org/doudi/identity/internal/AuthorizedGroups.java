package org.doudi.identity.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's authorization manager without its per-command list of every group that holds an authorization, and
 * without REVOKE authorizations.
 *
 * <p>Before each authorization check or checked query of a logged-in user, Camunda's manager reads
 * {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} (once per command) to drop the user's groups that hold
 * no authorization from the check's {@code GROUP_ID_ IN (…)} list. Here every case and task carries its region grants
 * (five rows per open task of a village case, and ten per case, five of them kept with its history), so that statement
 * reads the whole table, growing with every case ever handled, in every command of every user
 * (docs/benchmarks/dibao.md). Dropping a group that
 * holds no row from an {@code IN} list cannot change which rows the check matches, so the user's groups go into the
 * check as they are; who may see or do what is unchanged ({@code RegionAccessTest}, the security tests). The
 * project's users belong to a handful of groups (their roles and their region), so the lists stay short.
 *
 * <p>Access is granted, never revoked: roles and regions give it, and a user loses it by losing the role or the
 * region. A REVOKE authorization (Camunda Admin's "拒绝") is refused wherever it is saved, so the engine need not
 * look for one before each check of each command. A database that held REVOKE rows when the engine started
 * (written before this guard) keeps Camunda's check until they are removed and the application restarted.
 */
final class AuthorizedGroups extends AuthorizationManager {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizedGroups.class);

  private final Factory factory;

  AuthorizedGroups(Factory factory) {
    this.factory = factory;
  }

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return new ArrayList<>();
    }
    return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
  }

  @Override
  protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
    return factory.revokesAtStart && super.isRevokeAuthCheckEnabled(userId, groupIds);
  }

  @Override
  public void insert(DbEntity entity) {
    if (entity instanceof AuthorizationEntity a) {
      refuseRevoke(a);
    }
    super.insert(entity);
  }

  @Override
  public void update(AuthorizationEntity authorization) {
    refuseRevoke(authorization);
    super.update(authorization);
  }

  private static void refuseRevoke(AuthorizationEntity a) {
    if (a.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
      throw new BadUserRequestException("本系统不使用“拒绝”授权：权限由角色和行政区划授予，收回权限请删除相应的授权，"
          + "或调整该用户的角色、所属区划");
    }
  }

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager} session. */
  static final class Factory implements SessionFactory {

    /** REVOKE rows found when the engine started: until none are left at a start, Camunda checks for them. */
    private volatile boolean revokesAtStart = true;

    /** Called once the engine is built: looks for REVOKE rows written before the guard. */
    void checkRevokes(ProcessEngine engine) {
      long revokes = engine.getAuthorizationService().createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
      revokesAtStart = revokes > 0;
      if (revokesAtStart) {
        LOG.warn("{} REVOKE authorizations in ACT_RU_AUTHORIZATION: Doudi grants access by roles and regions and "
            + "refuses new REVOKE rows; until these are deleted (Camunda Admin → 授权) and the application restarted, "
            + "every authorization check first looks for them", revokes);
      }
    }

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new AuthorizedGroups(this);
    }
  }
}
