package org.doudi.engine.internal;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/** Our additions to Camunda's REST API application (/engine-rest). */
@Component
public class RestApiCustomizer implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(FormRefusalMapper.class);
    config.register(JsonRefusalMapper.class);
  }
}
