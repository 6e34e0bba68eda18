package org.doudi.calendar;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring configuration of the calendar's integration tests (one cached context): in-memory H2,
 * no job executor (tests execute jobs themselves after moving the engine clock).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:calendar-it;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "doudi.admin.username=calendar-admin",
    "doudi.admin.password=calendar-admin-pw",
    "doudi.calendar.end-of-working-day=17:00"})
@AutoConfigureMockMvc
public @interface CalendarSpringTest {}
