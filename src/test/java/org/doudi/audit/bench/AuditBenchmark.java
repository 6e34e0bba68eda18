package org.doudi.audit.bench;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.doudi.audit.AuditTrail;
import org.doudi.audit.ChainReport;
import org.doudi.audit.internal.Sealer;
import org.doudi.audit.internal.Verifier;
import org.doudi.platform.PostgresApp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cost of the audit trail on PostgreSQL, printed (figures in docs/benchmarks/audit.md):
 * <ol>
 *   <li>{@code AuditTrail.record}: one entry per transaction (the worst case: a module's direct call);</li>
 *   <li>an engine case: start a one-task process with 5 variables and complete its task, and the entries it
 *   produces;</li>
 *   <li>the sealer's and the verification's throughput (entries per second).</li>
 * </ol>
 * Run: {@code mvn -B -ntp -o -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-Dbench.n=2000 -cp %classpath org.doudi.audit.bench.AuditBenchmark"}.
 */
public final class AuditBenchmark {

  private AuditBenchmark() {}

  public static void main(String[] args) {
    int n = Integer.getInteger("bench.n", 2000);
    try (PostgresApp app = PostgresApp.start("doudi_audit_bench", "--doudi.audit.seal-interval=1h",
        "--camunda.bpm.job-execution.enabled=false")) {
      AuditTrail trail = app.bean(AuditTrail.class);
      Sealer sealer = app.bean(Sealer.class);
      Verifier verifier = app.bean(Verifier.class);
      JdbcTemplate jdbc = app.jdbc();
      TransactionTemplate tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
      sealer.sealNow();

      // 1. direct records, one per transaction, after a warm-up
      for (int i = 0; i < 200; i++) {
        int k = i;
        tx.executeWithoutResult(s -> trail.record(AuditRecord.of(AuditKind.CHANGE, "bench", "warm " + k)));
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        int k = i;
        tx.executeWithoutResult(s -> trail.record(AuditRecord.of(AuditKind.CHANGE, "bench", "row " + k)
            .onCase("bench-pid", "bench-key", "220122100").change("500.00", "530.00")));
      }
      double recordUs = (System.nanoTime() - t0) / 1000.0 / n;
      jdbc.execute("CREATE TABLE audit_bench_baseline (k INT)");
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        int k = i;
        tx.executeWithoutResult(s -> jdbc.update("INSERT INTO audit_bench_baseline VALUES (?)", k));
      }
      double baselineUs = (System.nanoTime() - t1) / 1000.0 / n;

      // 2. engine steps
      app.bean(RepositoryService.class).createDeployment().name("audit-bench").addString("audit-bench.bpmn", """
          <?xml version="1.0" encoding="UTF-8"?>
          <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="bench">
            <process id="audit-bench" isExecutable="true" camunda:historyTimeToLive="P1D">
              <startEvent id="StartEvent_1"/>
              <sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_1"/>
              <userTask id="Task_1" name="步骤"/>
              <sequenceFlow id="Flow_2" sourceRef="Task_1" targetRef="EndEvent_1"/>
              <endEvent id="EndEvent_1"/>
            </process>
          </definitions>""").deploy();
      RuntimeService runtime = app.bean(RuntimeService.class);
      TaskService tasks = app.bean(TaskService.class);
      int cases = Math.max(50, n / 10);
      long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
      long t2 = System.nanoTime();
      for (int i = 0; i < cases; i++) {
        String pid = runtime.startProcessInstanceByKey("audit-bench", "bench-" + i, Map.of("regionCode", "220122100",
            "a", i, "b", "text " + i, "c", true, "d", 12.5)).getId();
        String task = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
        tasks.complete(task); // no form: the variable guard admits no variables
      }
      double caseMs = (System.nanoTime() - t2) / 1e6 / cases;
      long entries = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class) - before;

      // 3. sealing and verification
      long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
      long t3 = System.nanoTime();
      int sealed = sealer.sealNow();
      double sealPerS = sealed / ((System.nanoTime() - t3) / 1e9);
      long t4 = System.nanoTime();
      ChainReport report = verifier.verify(null, null);
      double verifyPerS = report.seals() / ((System.nanoTime() - t4) / 1e9);

      System.out.printf("%naudit benchmark (PostgreSQL, n=%d)%n", n);
      System.out.printf("  AuditTrail.record, 1 entry per transaction : %8.1f µs/tx (same tx with one plain 1-column"
          + " insert: %.1f µs)%n", recordUs, baselineUs);
      System.out.printf("  engine: start (5 variables) + complete     : %8.2f ms/case, %.1f audit entries/case%n",
          caseMs, entries / (double) cases);
      System.out.printf("  sealer                                      : %8.0f entries/s (%d sealed)%n", sealPerS,
          sealed);
      System.out.printf("  verification                                : %8.0f entries/s (%d seals, intact=%s)%n",
          verifyPerS, report.seals(), report.intact());
      System.out.printf("  entries in the table                        : %8d%n", total);
    }
  }
}
