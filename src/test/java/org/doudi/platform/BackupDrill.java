package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The restore drill of docs/operations.md, run on a test database: {@code ops/backup.sh} archives it,
 * {@code ops/restore.sh} restores the archive into a scratch database, and every table of the scratch copy must hold
 * exactly the rows of the original (business tables and Camunda's alike). The original must be quiet meanwhile.
 */
final class BackupDrill {

  private BackupDrill() {}

  /** Returns the tables compared with their row counts. */
  static Map<String, Long> check(String url, Connection source, Path workDir) throws Exception {
    String name = url.substring(url.lastIndexOf('/') + 1);
    String scratch = name + "_restored";
    URI server = URI.create(Postgres.HOST_URL.substring("jdbc:".length()));
    Path archive = workDir.resolve(name + ".dump").toAbsolutePath();
    Files.deleteIfExists(archive);
    Files.deleteIfExists(Path.of(archive + ".sha256"));
    try (Connection c = DriverManager.getConnection(Postgres.HOST_URL + "postgres", Postgres.USER, Postgres.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
    }
    run(server, workDir, "ops/backup.sh", name, archive.toString());
    assertThat(archive).isNotEmptyFile();
    run(server, workDir, "ops/restore.sh", archive.toString(), scratch);
    String scratchUrl = url.substring(0, url.lastIndexOf('/') + 1) + scratch;
    Map<String, Long> original = counts(source);
    try (Connection copy = DriverManager.getConnection(scratchUrl, Postgres.USER, Postgres.PASSWORD)) {
      assertThat(counts(copy)).isEqualTo(original);
    }
    assertThat(original).containsKeys("act_ru_job", "act_hi_job_log", "payment_ledger", "benefit_award",
        "doudi_schema_history");
    System.out.println("BackupDrill: " + original.size() + " tables, " + original.values().stream()
        .mapToLong(Long::longValue).sum() + " rows, archive " + Files.size(archive) / 1024 + " KiB, restored into "
        + scratch + " with equal row counts");
    Postgres.dropIfTemporary(scratchUrl);
    Files.deleteIfExists(archive);
    return original;
  }

  static Map<String, Long> counts(Connection db) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
      while (r.next()) {
        tables.add(r.getString(1));
      }
    }
    Map<String, Long> counts = new TreeMap<>();
    for (String t : tables) {
      try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
        r.next();
        counts.put(t, r.getLong(1));
      }
    }
    return counts;
  }

  private static void run(URI server, Path workDir, String script, String... args) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PGHOST", server.getHost());
    pb.environment().put("PGPORT", String.valueOf(server.getPort() < 0 ? 5432 : server.getPort()));
    pb.environment().put("PGUSER", Postgres.USER);
    pb.environment().put("PGPASSWORD", Postgres.PASSWORD);
    Path log = workDir.resolve(Path.of(script).getFileName() + ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended && p.exitValue() == 0).as(script + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8))
        .isTrue();
  }
}
