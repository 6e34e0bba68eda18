package org.doudi.identity.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.naming.directory.SearchResult;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.doudi.identity.Role;
import org.doudi.identity.StaffMember.RoleAssignment;

/**
 * Camunda's LDAP identity provider (users, groups, memberships and passwords from the department's directory;
 * docs/security.md, "部门目录（LDAP）登录"), configured by {@code doudi.identity.ldap.*}, with the one mapping our roles
 * need. A directory group named like our role groups ({@code township-caseworker-220122100}) is that role at that
 * region; the groups a caseworker is in besides — {@code region-<code>}, which the per-case grants name, and
 * {@code camunda-admin} for an {@code admin-<code>} member — are derived from it, so the directory keeps each person's
 * role once. Authorizations stay in the database.
 */
public class DirectoryPlugin extends LdapIdentityProviderPlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    Factory factory = new Factory();
    factory.setLdapConfiguration(this);
    configuration.setIdentityProviderSessionFactory(factory);
  }

  static final class Factory extends LdapIdentityProviderFactory {
    @Override
    public Session openSession() {
      return new DirectorySession(ldapConfiguration);
    }
  }

  /** The LDAP provider's session, reading roles from group ids and adding the groups derived from them. */
  static final class DirectorySession extends LdapIdentityProviderSession {

    DirectorySession(LdapConfiguration configuration) {
      super(configuration);
    }

    @Override
    public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
      List<Group> found = super.findGroupByQueryCriteria(query);
      boolean groupsOfAUser = query.getUserId() != null && query.getId() == null
          && (query.getIds() == null || query.getIds().length == 0) && query.getName() == null
          && query.getNameLike() == null && query.getType() == null;
      if (!groupsOfAUser) {
        return found;
      }
      Set<String> ids = new LinkedHashSet<>();
      found.forEach(g -> ids.add(g.getId()));
      List<Group> all = new ArrayList<>(found);
      for (Group g : found) {
        Role.ofGroupId(g.getId()).ifPresent(a -> derived(a).stream().filter(d -> ids.add(d.getId())).forEach(all::add));
      }
      return all;
    }

    /** The groups a role at a region implies, as {@code Staff.ensureUser} makes them in the database. */
    private static List<Group> derived(RoleAssignment a) {
      List<Group> groups = new ArrayList<>();
      if (a.role().readsCasesOfItsRegion()) {
        groups.add(group(Role.regionGroupId(a.regionCode()), "辖区 " + a.regionCode(), Role.REGION_GROUP_TYPE));
      }
      if (a.role() == Role.ADMIN) {
        groups.add(group(Groups.CAMUNDA_ADMIN, "系统管理员（Camunda）", Groups.GROUP_TYPE_SYSTEM));
      }
      return groups;
    }

    private static GroupEntity group(String id, String name, String type) {
      GroupEntity g = new GroupEntity(id);
      g.setName(name);
      g.setType(type);
      return g;
    }

    @Override
    protected GroupEntity transformGroup(SearchResult result) {
      GroupEntity group = super.transformGroup(result);
      if (group.getType() == null || group.getType().isBlank()) {
        // a directory without a type attribute: the id names the role
        Role.ofGroupId(group.getId()).ifPresent(a -> group.setType(a.role().groupType()));
        if (Groups.CAMUNDA_ADMIN.equals(group.getId())) {
          group.setType(Groups.GROUP_TYPE_SYSTEM);
        }
      }
      return group;
    }
  }
}
