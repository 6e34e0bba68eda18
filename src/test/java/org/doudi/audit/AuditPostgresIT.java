package org.doudi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.doudi.audit.ChainReport.Problem;
import org.doudi.audit.ChainReport.ProblemKind;
import org.doudi.audit.internal.Sealer;
import org.doudi.audit.internal.Verifier;
import org.doudi.dibao.DibaoCases;
import org.doudi.dibao.DibaoCases.StartedCase;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.TestApplications;
import org.doudi.platform.Http;
import org.doudi.platform.PostgresApp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail on PostgreSQL: concurrent writers (business transactions, some rolled back) and two sealers keep
 * one valid chain holding every committed entry exactly once; a case is found by case and by person; the triggers
 * refuse UPDATE, DELETE and TRUNCATE; with them disabled, as a DBA could, a changed and a deleted row are reported
 * with their entry ids, and a cut tail by the checkpoint.
 */
class AuditPostgresIT {

  final ObjectMapper json = new ObjectMapper();

  @Test
  void concurrentWritersOneChainAndDirectChangesAreReported() throws Exception {
    // the scheduled sealer stays out of the way: the test seals, so it knows when
    try (PostgresApp app = PostgresApp.start("doudi_audit_it", "--doudi.audit.seal-interval=1h")) {
      JdbcTemplate jdbc = app.jdbc();
      AuditTrail trail = app.bean(AuditTrail.class);
      Sealer sealer = app.bean(Sealer.class);
      Verifier verifier = app.bean(Verifier.class);
      TransactionTemplate tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
      Http http = new Http(((WebServerApplicationContext) app.context()).getWebServer().getPort());
      sealer.sealNow();
      long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);

      // 8 writers × 40 transactions of 3 entries (every 5th rolled back) while two sealers run
      int writers = 8;
      int perWriter = 40;
      ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean writing = new AtomicBoolean(true);
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perWriter; i++) {
            int n = i;
            try {
              tx.executeWithoutResult(s -> {
                for (int k = 0; k < 3; k++) {
                  trail.record(AuditRecord.of(AuditKind.CHANGE, "it.write", "writer " + writer + " tx " + n)
                      .onCase("pid-" + writer, "key-" + writer, "220122100").change("" + k, "" + (k + 1)));
                }
                if (n % 5 == 4) {
                  throw new IllegalStateException("rolled back");
                }
              });
            } catch (IllegalStateException expected) {
              // the entries of a rolled-back action are gone with it
            }
          }
          return null;
        }));
      }
      for (int s = 0; s < 2; s++) {
        futures.add(pool.submit(() -> {
          start.await();
          while (writing.get()) {
            sealer.sealNow();
          }
          return null;
        }));
      }
      start.countDown();
      for (int i = 0; i < writers; i++) {
        futures.get(i).get();
      }
      writing.set(false);
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      sealer.sealNow();

      long committed = writers * perWriter * 4L / 5 * 3;
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'it.write'", Long.class))
          .isEqualTo(committed);
      long entries = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
      assertThat(entries).isGreaterThanOrEqualTo(before + committed);
      ChainReport report = verifier.verify(null, null);
      assertThat(report.problems()).isEmpty();
      assertThat(report.intact()).isTrue();
      assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT entry_id) FROM audit_seal", Long.class))
          .isEqualTo(report.seals());
      // every committed entry sealed (the unique entry_id: exactly once)
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry e WHERE e.id <= (SELECT MAX(entry_id) FROM "
          + "audit_seal) AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.entry_id = e.id)", Long.class)).isZero();
      assertThat(report.seals()).isGreaterThanOrEqualTo(entries);

      // a 低保 case through its process, found by case and by person over HTTP
      HouseholdApplication a = TestApplications.unique(TestApplications.household());
      IdentityService identity = app.bean(IdentityService.class);
      identity.setAuthentication("nongan-cw", identity.createGroupQuery().groupMember("nongan-cw").list().stream()
          .map(Group::getId).toList());
      String pid;
      try {
        StartedCase c = app.bean(DibaoCases.class).apply(a, "nongan-cw");
        pid = c.processInstanceId();
        TaskService tasks = app.bean(TaskService.class);
        Task t = tasks.createTaskQuery().processInstanceId(pid).singleResult();
        tasks.claim(t.getId(), "nongan-cw");
        tasks.complete(t.getId(), Map.of("materialIdentity", true, "materialIncome", true, "materialAssets", true,
            "materialAuthorisation", true, "materialPledge", true, "materialDisabilityProof", true));
      } finally {
        identity.clearAuthentication();
      }
      JsonNode byPerson = json.readTree(http.get("auditor", "/api/audit/entries?size=200&idNumber="
          + a.members().get(0).idNumber()).body());
      assertThat(byPerson.get("entries").findValuesAsText("action")).contains("process-start", "task-complete");
      assertThat(byPerson.get("entries").findValuesAsText("processInstanceId")).containsOnly(pid);
      sealer.sealNow();
      JsonNode verified = json.readTree(http.get("auditor", "/api/audit/verify").body());
      assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
      long checkpointSeq = verified.get("headSeq").asLong();
      String checkpointHash = verified.get("headHash").asText();

      // the database refuses changes …
      Long changed = jdbc.queryForObject("SELECT MIN(id) FROM audit_entry WHERE process_instance_id = ?", Long.class,
          pid);
      Long deleted = jdbc.queryForObject("SELECT MAX(id) FROM audit_entry WHERE action = 'it.write'", Long.class);
      assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET actor = 'forged' WHERE id = ?", changed))
          .hasStackTraceContaining("审计记录只能追加");
      assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE id = ?", deleted))
          .hasStackTraceContaining("审计记录只能追加");
      assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_seal")).hasStackTraceContaining("审计记录只能追加");

      // … unless a DBA disables the triggers: then the verification names the rows
      jdbc.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
      jdbc.update("UPDATE audit_entry SET actor = 'forged' WHERE id = ?", changed);
      jdbc.update("DELETE FROM audit_entry WHERE id = ?", deleted);
      jdbc.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
      JsonNode tampered = json.readTree(http.get("auditor", "/api/audit/verify").body());
      assertThat(tampered.get("intact").asBoolean()).isFalse();
      List<String> found = new ArrayList<>();
      tampered.get("problems").forEach(p -> found.add(p.get("kind").asText() + " " + p.get("entryId").asText()));
      assertThat(found).containsExactlyInAnyOrder("ENTRY_CHANGED " + changed, "ENTRY_DELETED " + deleted);

      // the tail cut off (seals and entries): only the checkpoint an operator kept shows it
      jdbc.execute("ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_append_only");
      jdbc.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
      jdbc.update("DELETE FROM audit_entry WHERE id IN (SELECT entry_id FROM audit_seal WHERE seq > ?)",
          checkpointSeq - 3);
      jdbc.update("DELETE FROM audit_seal WHERE seq > ?", checkpointSeq - 3);
      jdbc.execute("ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_append_only");
      jdbc.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
      ChainReport cut = verifier.verify(checkpointSeq, checkpointHash);
      assertThat(cut.problems().stream().map(Problem::kind)).contains(ProblemKind.CHECKPOINT_MISMATCH);
    }
  }
}
