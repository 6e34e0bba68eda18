package org.doudi.audit.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Registers the audit's engine hooks: the history handler next to Camunda's database handler (which writes no
 * historic details: {@link HistoryWithoutDetail}), a post-deployer for
 * deployments, and an interceptor that sees every password check (web-app login and HTTP Basic alike go through
 * {@code IdentityService.checkPassword}).
 */
@Component
public class AuditEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<AuditStore> store;
  private final ObjectProvider<Logins> logins;

  public AuditEnginePlugin(ObjectProvider<AuditStore> store, ObjectProvider<Logins> logins) {
    this.store = store;
    this.logins = logins;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineRecorder recorder = new EngineRecorder(store::getObject);
    // Camunda's database handler without historic details (HistoryWithoutDetail) in place of the default one, first
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new HistoryWithoutDetail());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(recorder);
    configuration.setCustomHistoryEventHandlers(handlers);
    List<org.camunda.bpm.engine.impl.interceptor.SessionFactory> sessions = new ArrayList<>(
        configuration.getCustomSessionFactories() == null ? List.of() : configuration.getCustomSessionFactories());
    sessions.add(new EngineRecorder.PendingFactory(store::getObject));
    configuration.setCustomSessionFactories(sessions);
    List<Deployer> post = new ArrayList<>(configuration.getCustomPostDeployers() == null ? List.of()
        : configuration.getCustomPostDeployers());
    post.add(recorder);
    configuration.setCustomPostDeployers(post);
    List<CommandInterceptor> pre = new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? List.of() : configuration.getCustomPreCommandInterceptorsTxRequired());
    pre.add(new PasswordChecks());
    configuration.setCustomPreCommandInterceptorsTxRequired(pre);
  }

  private final class PasswordChecks extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (command instanceof CheckPassword check) {
        logins.getObject().passwordChecked(userId(check), Boolean.TRUE.equals(result));
      }
      return result;
    }
  }

  private static final Field USER_ID;

  static {
    try {
      USER_ID = CheckPassword.class.getDeclaredField("userId");
      USER_ID.setAccessible(true);
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static String userId(CheckPassword check) {
    try {
      return (String) USER_ID.get(check);
    } catch (IllegalAccessException e) {
      return null;
    }
  }
}
