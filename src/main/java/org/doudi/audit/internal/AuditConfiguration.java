package org.doudi.audit.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The HTTP recorders around and inside Spring Security's filters (order -100), and the sealer's schedule. */
@Configuration
@EnableScheduling
class AuditConfiguration {

  @Bean
  FilterRegistrationBean<HttpRecorder> auditHttpRecorder(AuditStore store) {
    FilterRegistrationBean<HttpRecorder> reg = new FilterRegistrationBean<>(new HttpRecorder(store));
    reg.addUrlPatterns("/*");
    reg.setOrder(-101);
    return reg;
  }

  @Bean
  FilterRegistrationBean<HttpRecorder.Caller> auditCaller() {
    FilterRegistrationBean<HttpRecorder.Caller> reg = new FilterRegistrationBean<>(new HttpRecorder.Caller());
    reg.addUrlPatterns("/*");
    reg.setOrder(-99);
    return reg;
  }
}
