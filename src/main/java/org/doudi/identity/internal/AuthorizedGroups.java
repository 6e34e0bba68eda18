package org.doudi.identity.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager without its per-command list of every group that holds an authorization.
 *
 * <p>Before each authorization check or checked query of a logged-in user, Camunda's manager reads
 * {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} (once per command) to drop the user's groups that hold
 * no authorization from the check's {@code GROUP_ID_ IN (…)} list. Here every case and task carries its region grants
 * (10 rows per task of a village case, kept for the historic task), so that statement reads the whole table — 1.2
 * million rows at 100 000 open tasks, growing with every case ever handled — in every command of every user: it made
 * the township worklist 7–9 × the bare query (docs/benchmarks/dibao.md). Dropping a group that holds no row from an
 * {@code IN} list cannot change which rows the check matches, so the user's groups go into the check as they are;
 * who may see or do what is unchanged ({@code RegionAccessTest}, the security tests). The project's users belong to a
 * handful of groups (their roles and their region), so the lists stay short.
 */
final class AuthorizedGroups extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return new ArrayList<>();
    }
    return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
  }

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager} session. */
  static final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new AuthorizedGroups();
    }
  }
}
