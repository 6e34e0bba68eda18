package org.doudi.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords that someone else set (the staff import): random, shown once to the administrator, and to be changed by
 * their owner before the account may do anything else (table {@code staff_initial_password}; the API and the web
 * apps' login refuse such an account, docs/security.md "人员导入").
 */
@Service
public class InitialPasswords {

  /** Where the owner changes it; named in every refusal. */
  public static final String CHANGE_PAGE = "/account/password";
  public static final String MUST_CHANGE = "初始密码尚未修改：请先打开 " + CHANGE_PAGE
      + " 页面（或 POST /api/account/password）修改密码，之后才能使用系统";

  // no 0/O, 1/l/I: the password is read off a screen or paper once
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SPECIAL = "#%+=@";
  private static final Map<String, String> RULES = Map.of(
      "PASSWORD_POLICY_LENGTH", "至少 %s 个字符",
      "PASSWORD_POLICY_LOWERCASE", "至少 %s 个小写字母",
      "PASSWORD_POLICY_UPPERCASE", "至少 %s 个大写字母",
      "PASSWORD_POLICY_DIGIT", "至少 %s 个数字",
      "PASSWORD_POLICY_SPECIAL", "至少 %s 个特殊字符（如 #、%%、@）",
      "PASSWORD_POLICY_USER_DATA", "不能包含账号、姓名或邮箱");

  private final SecureRandom random = new SecureRandom();
  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final PasswordPolicy policy;

  public InitialPasswords(IdentityService identity, JdbcTemplate jdbc, ProcessEngine engine) {
    this.identity = identity;
    this.jdbc = jdbc;
    // the engine's policy (on outside the demo); where it is switched off (the demo's well-known passwords) Camunda's
    // default rules still apply to passwords chosen here
    PasswordPolicy configured = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getPasswordPolicy();
    this.policy = configured != null ? configured : new DefaultPasswordPolicyImpl();
  }

  /** A random password of 16 characters that passes the engine's password policy. */
  public String generate() {
    while (true) {
      StringBuilder p = new StringBuilder();
      String all = UPPER + LOWER + DIGITS + SPECIAL;
      for (String set : List.of(UPPER, LOWER, DIGITS, SPECIAL)) {
        p.append(set.charAt(random.nextInt(set.length())));
      }
      while (p.length() < 16) {
        p.append(all.charAt(random.nextInt(all.length())));
      }
      for (int i = p.length() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        char c = p.charAt(i);
        p.setCharAt(i, p.charAt(j));
        p.setCharAt(j, c);
      }
      if (identity.checkPasswordAgainstPolicy(policy, p.toString()).isValid()) {
        return p.toString();
      }
    }
  }

  /** Marks the account: its password must be changed before any other use. */
  public void require(String userId, String by) {
    jdbc.update("INSERT INTO staff_initial_password (user_id, created_by, created_at) VALUES (?, ?, ?)", userId, by,
        new Timestamp(ClockUtil.getCurrentTime().getTime()));
  }

  public boolean mustChange(String userId) {
    return userId != null && jdbc.queryForObject("SELECT COUNT(*) FROM staff_initial_password WHERE user_id = ?",
        Integer.class, userId) > 0;
  }

  /**
   * The owner changes the password: the current one must be right (the engine's login throttling applies), the new
   * one different and within the password policy. Clears the first-login mark.
   *
   * @throws PasswordChangeRefused with the reasons in Chinese; nothing changed
   */
  @Transactional
  public void change(String userId, String current, String wanted) {
    if (identity.isReadOnly()) {
      throw new PasswordChangeRefused(List.of("本系统使用部门目录（LDAP）登录，密码请在部门目录中修改"));
    }
    if (userId == null || current == null || !identity.checkPassword(userId, current)) {
      throw new PasswordChangeRefused(List.of("账号或原密码不正确（连续多次错误后账户将被暂时锁定）"));
    }
    if (wanted.equals(current)) {
      throw new PasswordChangeRefused(List.of("新密码不能与原密码相同"));
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    PasswordPolicyResult checked = identity.checkPasswordAgainstPolicy(policy, wanted, user);
    if (!checked.isValid()) {
      List<String> reasons = new ArrayList<>();
      for (PasswordPolicyRule rule : checked.getViolatedRules()) {
        String text = RULES.getOrDefault(rule.getPlaceholder(), rule.getPlaceholder());
        String parameter = rule.getParameters() == null ? "" : String.join("、", rule.getParameters().values());
        reasons.add("新密码" + String.format(text, parameter));
      }
      throw new PasswordChangeRefused(reasons);
    }
    // the owner proved the current password; the change runs as the application, not as a caller without rights
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      user.setPassword(wanted);
      identity.saveUser(user);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
    jdbc.update("DELETE FROM staff_initial_password WHERE user_id = ?", userId);
  }

  /** A refused password change; {@code reasons} in Chinese. */
  public static class PasswordChangeRefused extends RuntimeException {
    private final List<String> reasons;

    public PasswordChangeRefused(List<String> reasons) {
      super(String.join("；", reasons));
      this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
      return reasons;
    }
  }
}
