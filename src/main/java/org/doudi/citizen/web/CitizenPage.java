package org.doudi.citizen.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The citizens' page: static files under {@code static/apply/}, opened at {@code /apply/}. */
@Configuration
class CitizenPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/apply", "/apply/");
    registry.addViewController("/apply/").setViewName("forward:/apply/index.html");
  }
}
