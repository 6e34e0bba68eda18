package org.doudi.identity.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;

/**
 * The project's indexes on Camunda's own tables ({@code db/engine/<vendor>}, e.g. {@code V58_1} on
 * {@code ACT_RU_AUTHORIZATION}), migrated by Flyway with their own history table once the engine has created or
 * checked its schema: the application's main Flyway run precedes the engine's tables on a fresh database.
 */
final class EngineIndexes {

  static final String HISTORY_TABLE = "doudi_engine_schema_history";

  private EngineIndexes() {}

  static void migrate(ProcessEngine engine) {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String vendor = switch (cfg.getDatabaseType()) {
      case "postgres" -> "postgresql";
      case "h2" -> "h2";
      default -> null;
    };
    if (vendor == null) {
      return;
    }
    Flyway.configure().dataSource(cfg.getDataSource()).locations("classpath:db/engine/" + vendor)
        .table(HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }
}
