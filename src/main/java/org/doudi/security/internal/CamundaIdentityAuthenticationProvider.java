package org.doudi.security.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.doudi.identity.InitialPasswords;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against Camunda's identity store, so the REST API, our API and the web apps share one set of
 * accounts (and Camunda's login throttling). Roles come from the role groups.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final Staff staff;
  private final LoginLockout lockout;
  private final InitialPasswords initialPasswords;

  public CamundaIdentityAuthenticationProvider(IdentityService identity, Staff staff, LoginLockout lockout,
      InitialPasswords initialPasswords) {
    this.identity = identity;
    this.staff = staff;
    this.lockout = lockout;
    this.initialPasswords = initialPasswords;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || credentials == null || !identity.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException(lockout.explain(user, credentials == null ? null : credentials.toString()));
    }
    StaffMember member = staff.find(user).orElseThrow(() -> new BadCredentialsException("用户名或密码错误"));
    List<GrantedAuthority> authorities = new ArrayList<>();
    if (initialPasswords.mustChange(user)) {
      // no role until the initial password is changed (FirstLoginFilter answers 403 everywhere but the change)
      authorities.add(new SimpleGrantedAuthority(FirstLoginFilter.PASSWORD_CHANGE_REQUIRED));
      var pending = new UsernamePasswordAuthenticationToken(user, null, authorities);
      pending.setDetails(member);
      return pending;
    }
    // a directory group created after start-up gets its role's authorizations at its members' first call
    staff.adoptDirectoryGroups(member.groupIds());
    member.assignments().forEach(a -> authorities.add(new SimpleGrantedAuthority("ROLE_" + a.role().name())));
    if (member.administrator()) {
      authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }
    var result = new UsernamePasswordAuthenticationToken(user, null, authorities);
    result.setDetails(member);
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
