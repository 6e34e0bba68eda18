package org.doudi.e2e.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.doudi.platform.Postgres;

/**
 * A stock Camunda 7.24 engine for the benchmark's third column: the standalone configuration with its defaults
 * (history level audit, authorization off, no plugins, no listeners, JDBC batching on), its schema created by the
 * engine, on its own PostgreSQL database and the same driver and connection pool settings as the application.
 */
final class StockEngine implements AutoCloseable {

  final String url;
  final ProcessEngine engine;
  final SqlCounter sql = new SqlCounter();
  private final HikariDataSource pool;

  StockEngine(String url) {
    this.url = url;
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setUsername(Postgres.USER);
    c.setPassword(Postgres.PASSWORD);
    c.addDataSourceProperty("options", "-c jit=off"); // as the application's postgres profile
    c.setMaximumPoolSize(10);
    pool = new HikariDataSource(c);
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration();
    cfg.setProcessEngineName("stock");
    cfg.setDataSource(sql.wrap(pool));
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    cfg.setJobExecutorActivate(false);
    engine = cfg.buildProcessEngine();
  }

  String describe() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return "history " + cfg.getHistory() + ", authorization " + cfg.isAuthorizationEnabled() + ", plugins "
        + cfg.getProcessEnginePlugins().size() + ", JDBC batching " + cfg.isJdbcBatchProcessing();
  }

  @Override
  public void close() {
    engine.close();
    pool.close();
  }
}
