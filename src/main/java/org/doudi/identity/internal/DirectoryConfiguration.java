package org.doudi.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sign-in against the department's directory, off unless {@code doudi.identity.ldap.enabled=true}. Every other
 * {@code doudi.identity.ldap.*} setting is a property of Camunda's LDAP plugin ({@code server-url}, {@code manager-dn},
 * {@code base-dn}, {@code user-search-filter}, {@code group-id-attribute} …; docs/security.md).
 */
@Configuration
class DirectoryConfiguration {

  @Bean
  @ConditionalOnProperty(name = "doudi.identity.ldap.enabled", havingValue = "true")
  @ConfigurationProperties("doudi.identity.ldap")
  DirectoryPlugin directoryPlugin() {
    DirectoryPlugin plugin = new DirectoryPlugin();
    // our directory layout's defaults (a department's groupOfNames with cn = our group id); each can be overridden
    plugin.setUserSearchFilter("(objectclass=person)");
    plugin.setUserIdAttribute("uid");
    plugin.setUserFirstnameAttribute("cn");
    plugin.setUserLastnameAttribute("sn");
    plugin.setUserEmailAttribute("mail");
    plugin.setGroupSearchFilter("(objectclass=groupOfNames)");
    plugin.setGroupIdAttribute("cn");
    plugin.setGroupNameAttribute("description");
    plugin.setGroupMemberAttribute("member");
    return plugin;
  }
}
