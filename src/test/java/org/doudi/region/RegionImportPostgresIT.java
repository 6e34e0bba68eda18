package org.doudi.region;

import javax.sql.DataSource;
import org.doudi.platform.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The region importer on PostgreSQL (a fresh database per test, the migrations with the demo slice). */
class RegionImportPostgresIT extends RegionImportScenarios {

  String url;

  @Override
  DataSource freshDatabase() {
    url = Postgres.freshDatabase("doudi_region_it");
    DriverManagerDataSource ds = new DriverManagerDataSource(url, Postgres.USER, Postgres.PASSWORD);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/postgresql",
        "classpath:db/demo").table("doudi_schema_history").load().migrate();
    return ds;
  }

  @AfterEach
  void drop() {
    if (url != null) {
      Postgres.dropIfTemporary(url);
    }
  }
}
