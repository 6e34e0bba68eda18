package org.doudi.identity.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /account/password}: the page where an initial password is changed (named in every first-login refusal). */
@Configuration
class AccountPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/account/password").setViewName("forward:/account/password.html");
  }
}
