package org.doudi.engine.internal;

import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.doudi.engine.MoneyRules;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user may not delete a deployment holding a money rule's version that decides or decided: deleting the newest
 * approved version would bring back the one before it without a second person. Deployments whose money-rule versions
 * never took effect (pending, rejected, superseded) and deployments without money rules may be deleted as before; the
 * application itself (no authenticated user) is not limited.
 */
final class DeploymentDeletionGuard extends CommandInterceptor {

  private static final Field DEPLOYMENT_ID;

  static {
    try {
      DEPLOYMENT_ID = DeleteDeploymentCmd.class.getDeclaredField("deploymentId");
      DEPLOYMENT_ID.setAccessible(true);
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Supplier<IdentityService> identity;
  private final Supplier<JdbcTemplate> jdbc;

  DeploymentDeletionGuard(Supplier<IdentityService> identity, Supplier<JdbcTemplate> jdbc) {
    this.identity = identity;
    this.jdbc = jdbc;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof DeleteDeploymentCmd delete && Context.getCommandContext() == null
        && identity.get().getCurrentAuthentication() != null) {
      String deploymentId = deploymentId(delete);
      RuleApprovalRepository approvals = new RuleApprovalRepository(jdbc.get());
      List<String[]> decisions = jdbc.get().query(
          "SELECT ID_, KEY_, VERSION_ FROM ACT_RE_DECISION_DEF WHERE DEPLOYMENT_ID_ = ?",
          (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, deploymentId);
      for (String[] d : decisions) {
        boolean money = MoneyRules.matches(d[1]) || approvals.known(d[1]);
        // a version without a row predates the approval and decided; one with a row decides unless it never took effect
        boolean decided = approvals.find(d[0]).map(v -> v.status().inForce()).orElse(true);
        if (money && decided) {
          String message = "部署 " + deploymentId + " 含资金规则 " + d[1] + " 第" + d[2]
              + "版，该版本正在或曾经生效，不能删除：删除会使旧版本未经第二人审批重新生效。请部署新版本并经审批。";
          RefusalResponseFilter.refuse("DeploymentNotDeletable", message);
          throw new BadUserRequestException(message);
        }
      }
    }
    return next.execute(command);
  }

  private static String deploymentId(DeleteDeploymentCmd command) {
    try {
      return (String) DEPLOYMENT_ID.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
