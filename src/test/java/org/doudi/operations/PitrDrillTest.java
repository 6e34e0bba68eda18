package org.doudi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The point-in-time restore drill of docs/operations.md: {@code ops/pitr-drill.sh} with this machine's PostgreSQL 15
 * binaries (a throwaway cluster with WAL archiving, a base backup, a restore to a noted time that must hold exactly
 * the rows written before it). Without the binaries it is skipped locally and fails in CI ({@code CI=true}).
 */
class PitrDrillTest {

  static final Path PG_BIN = Path.of(System.getenv().getOrDefault("PG_BIN", "/usr/lib/postgresql/15/bin"));

  @Test
  void restoresExactlyTheRowsWrittenBeforeTheNotedTime() throws Exception {
    boolean present = Files.isExecutable(PG_BIN.resolve("initdb")) && Files.isExecutable(PG_BIN.resolve("pg_basebackup"));
    if (!present) {
      assertThat("true".equals(System.getenv("CI"))).as("PostgreSQL 15 binaries missing at " + PG_BIN + " in CI")
          .isFalse();
      Assumptions.abort("PostgreSQL 15 binaries not at " + PG_BIN);
    }
    Process p = new ProcessBuilder("bash", "ops/pitr-drill.sh").redirectErrorStream(true).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the drill finishes").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println(out);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("pitr-drill: passed", "rows 1..200 present", "rows 201..300 written after it absent");
  }
}
