package org.doudi.security.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * Why a login failed, in words for the user. The engine's throttling (login-delay-*, login-max-attempts in
 * application.yaml) refuses a locked account even with the right password; saying "locked" to anyone would tell an
 * attacker which user names exist, so the lock is named only to a caller who gave the right password.
 */
@Component
class LoginLockout {

  static final String WRONG = "用户名或密码错误（连续多次错误后账户将被暂时锁定）";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl configuration;

  LoginLockout(IdentityService identity, ProcessEngine engine) {
    this.identity = identity;
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  String explain(String userId, String password) {
    if (userId == null || password == null) {
      return WRONG;
    }
    User found = identity.createUserQuery().userId(userId).singleResult();
    if (!(found instanceof UserEntity user) || user.getPassword() == null) {
      return WRONG;
    }
    boolean permanent = user.getAttempts() >= configuration.getLoginMaxAttempts();
    Date until = user.getLockExpirationTime();
    boolean locked = permanent || (until != null && until.after(ClockUtil.getCurrentTime()));
    if (!locked || !configuration.getPasswordManager().check(EncryptionUtil.saltPassword(password, user.getSalt()),
        user.getPassword())) {
      return WRONG;
    }
    return permanent
        ? "账户因连续" + user.getAttempts() + "次登录失败已被锁定，请联系管理员解锁"
        : "账户因连续登录失败已被暂时锁定，请于 " + TIME.format(until.toInstant()) + " 后重试";
  }
}
