package org.doudi.platform;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.doudi.DoudiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostgreSQL the integration tests run against. They are required: an unreachable server fails them
 * (CI must never pass without them). Only an explicit {@code -Ddoudi.pg.skip=true} outside CI skips them.
 */
public final class Postgres {

  public static final String HOST_URL = setting("DOUDI_PG_URL", "doudi.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
  public static final String USER = setting("DOUDI_PG_USER", "doudi.pg.user", "postgres");
  public static final String PASSWORD = setting("DOUDI_PG_PASSWORD", "doudi.pg.password", "");

  private Postgres() {}

  /**
   * Drops and creates the database, returning its JDBC URL. Outside CI the name gets the JVM's pid as a
   * suffix so that test runs in several checkouts at once do not drop each other's database
   * ({@code DOUDI_PG_DB_SUFFIX} overrides; CI sets it empty and prepares the databases itself).
   */
  public static String freshDatabase(String baseName) {
    String suffix = System.getenv("DOUDI_PG_DB_SUFFIX");
    String name = baseName + (suffix != null ? suffix : "_" + ProcessHandle.current().pid());
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

  /**
   * The application on the database at {@code url} (demo data, test settings, the postgres profile) on a random port;
   * {@code settings} add or override properties ({@code --name=value}).
   */
  public static ConfigurableApplicationContext application(String url, String... settings) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD));
    args.addAll(List.of(settings));
    return new SpringApplicationBuilder(DoudiApplication.class).profiles("demo", "test", "postgres")
        .run(args.toArray(String[]::new));
  }

  /** Drops a database made by {@link #freshDatabase} once a test is done with it (outside CI). */
  public static void dropIfTemporary(String url) {
    if (System.getenv("DOUDI_PG_DB_SUFFIX") != null) {
      return;
    }
    String name = url.substring(url.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop " + name, e);
    }
  }

  private static String setting(String env, String property, String fallback) {
    String v = System.getenv(env);
    return v != null ? v : System.getProperty(property, fallback);
  }
}
