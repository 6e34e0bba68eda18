package org.doudi.region;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The region importer on H2 (a fresh in-memory database per test, the migrations with the demo slice). */
class RegionImportTest extends RegionImportScenarios {

  @Override
  DataSource freshDatabase() {
    DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:regions-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY", "sa", "");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2", "classpath:db/demo")
        .table("doudi_schema_history").load().migrate();
    return ds;
  }
}
