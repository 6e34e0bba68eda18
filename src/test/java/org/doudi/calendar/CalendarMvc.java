package org.doudi.calendar;

import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** MockMvc with the real security chain, built on the shared {@code @DoudiTest} context (no extra context). */
final class CalendarMvc {

  private CalendarMvc() {}

  static MockMvc of(WebApplicationContext context) {
    return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
  }
}
