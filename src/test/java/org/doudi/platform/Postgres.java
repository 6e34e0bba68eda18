package org.doudi.platform;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the integration tests run against. They are required: an unreachable server fails them
 * (CI must never pass without them). Only an explicit {@code -Ddoudi.pg.skip=true} outside CI skips them.
 */
public final class Postgres {

  public static final String HOST_URL = setting("DOUDI_PG_URL", "doudi.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
  public static final String USER = setting("DOUDI_PG_USER", "doudi.pg.user", "postgres");
  public static final String PASSWORD = setting("DOUDI_PG_PASSWORD", "doudi.pg.password", "");

  private Postgres() {}

  /** Drops and creates the database, returning its JDBC URL. */
  public static String freshDatabase(String name) {
    boolean inCi = System.getenv("CI") != null;
    assumeFalse(!inCi && Boolean.getBoolean("doudi.pg.skip"), "PostgreSQL tests skipped with -Ddoudi.pg.skip=true");
    try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is required for the integration tests and is not reachable at "
          + HOST_URL + " (" + e.getMessage() + "). Start it, set DOUDI_PG_URL, or skip outside CI with -Ddoudi.pg.skip=true", e);
    }
    return HOST_URL + name;
  }

  private static String setting(String env, String property, String fallback) {
    String v = System.getenv(env);
    return v != null ? v : System.getProperty(property, fallback);
  }
}
