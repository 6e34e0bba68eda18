package org.doudi.calendar.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.doudi.calendar.internal.NoticeFiles;
import org.doudi.calendar.internal.NoticeYear;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Loads the notices shipped in {@code classpath:calendar/*.json} (2020–2026) into the calendar tables.
 * A Spring bean: Spring Boot hands JavaMigration beans to Flyway. Later corrections go through the
 * admin endpoint (they are data, not schema) and are never overwritten by this migration.
 */
@Component
public class V2_2__ShippedCalendarYears extends BaseJavaMigration {

  static final String ACTOR = "flyway V2_2 (shipped calendar)";

  @Override
  public void migrate(Context context) throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
    CalendarRepository repo = new CalendarRepository(jdbc);
    OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai"));
    List<NoticeYear> notices = shipped();
    for (NoticeYear n : notices) {
      NoticeFiles.checkConsistent(n, notices);
      repo.replaceNotice(n, ACTOR, now);
      repo.log("LOAD_YEAR", String.valueOf(n.year()), "classpath:calendar/" + n.year() + ".json", ACTOR, now);
    }
  }

  static List<NoticeYear> shipped() throws IOException {
    Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.json");
    List<NoticeYear> all = new ArrayList<>();
    for (Resource r : files) {
      try (InputStream in = r.getInputStream()) {
        all.addAll(NoticeFiles.read(in));
      } catch (UncheckedIOException e) {
        throw new IOException("Cannot read " + r, e);
      }
    }
    all.sort(Comparator.comparingInt(NoticeYear::year));
    return all;
  }
}
