package org.doudi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps "every action on an award, payment, standard, rule or model is in the audit trail" true for new code: every
 * production class that writes one of these tables (SQL {@code INSERT INTO}/{@code UPDATE}/{@code DELETE FROM}/
 * {@code MERGE INTO}, or a {@code SimpleJdbcInsert} on it) must be a known writer, and each known writer's write is
 * published as the audit event named here (the audit module records every such event in the writing transaction:
 * {@code audit.internal.DomainEvents}, docs/audit.md). A new write path fails this test until it publishes an event
 * (a record with {@code before}/{@code after}) and is listed. That the events become entries with who, what, which
 * case and before → after is shown by {@link AuditTrailTest} and the tests named in docs/audit.md.
 */
class AuditCoverageTest {

  /** Where the event of a write is published, and how (a fragment of the publishing code). */
  record Evidence(String file, String marker) {}

  static final Evidence AWARDS = new Evidence("payroll/Awards.java", "new AwardRecorded(");
  static final Evidence AGE_STEPS = new Evidence("payroll/AgeSupplements.java", "new AgeStepsApplied(");
  static final Evidence RISES = new Evidence("payroll/persistence/StandardRiseRepository.java",
      "new org.doudi.payroll.StandardRiseChanged(");
  static final Evidence LEDGER = new Evidence("payment/Payments.java", "new LedgerChanged(");
  static final Evidence BULK = new Evidence("payment/LedgerBulk.java", "new LedgerChanged(");

  /** Audited table → its writers (path under org/doudi) → the evidence of its audit event. */
  static final Map<String, Map<String, Evidence>> WRITERS = new TreeMap<>(Map.ofEntries(
      Map.entry("benefit_award", Map.of(
          "payroll/persistence/AwardRepository.java", AWARDS,
          "payroll/persistence/AgeStepRepository.java", AGE_STEPS,
          "payroll/persistence/StandardRiseRepository.java", RISES)),
      Map.entry("benefit_award_person", Map.of("payroll/persistence/AwardRepository.java", AWARDS)),
      Map.entry("award_basis", Map.of(
          "payroll/persistence/AwardBasisRepository.java", AWARDS,
          "payroll/persistence/AgeStepRepository.java", AGE_STEPS,
          "payroll/persistence/StandardRiseRepository.java", RISES)),
      Map.entry("award_basis_member", Map.of(
          "payroll/persistence/AwardBasisRepository.java", AWARDS,
          "payroll/persistence/AgeStepRepository.java", AGE_STEPS,
          "payroll/persistence/StandardRiseRepository.java", RISES)),
      Map.entry("award_age_change", Map.of("payroll/persistence/AgeStepRepository.java", AGE_STEPS)),
      Map.entry("award_age_rule", Map.of("payroll/persistence/AgeStepRepository.java", AGE_STEPS)),
      Map.entry("award_change_request", Map.of("payroll/persistence/AwardChangeRepository.java",
          new Evidence("payroll/persistence/AwardChangeRepository.java", "AwardChangeRequestChanged.of("))),
      Map.entry("award_exit", Map.of("payroll/persistence/ExitRepository.java",
          new Evidence("payroll/persistence/ExitRepository.java", "new org.doudi.payroll.ExitChanged("))),
      Map.entry("award_exit_objection", Map.of("payroll/persistence/ExitRepository.java",
          new Evidence("payroll/persistence/ExitRepository.java", "new org.doudi.payroll.ExitChanged("))),
      Map.entry("payroll_reissue_request", Map.of("payroll/persistence/ReissueRequestRepository.java",
          new Evidence("payroll/persistence/ReissueRequestRepository.java",
              "new org.doudi.payroll.ReissueRequestChanged("))),
      Map.entry("payment_ledger", Map.of("payment/persistence/LedgerRepository.java", LEDGER,
          "payment/LedgerBulk.java", BULK)),
      Map.entry("payment_status_change", Map.of("payment/persistence/LedgerRepository.java", LEDGER,
          "payment/LedgerBulk.java", BULK)),
      Map.entry("payment_batch", Map.of("payment/LedgerBulk.java", BULK)),
      Map.entry("payment_once_only", Map.of("payment/persistence/LedgerRepository.java", LEDGER)),
      Map.entry("dibao_standard", Map.of("eligibility/persistence/StandardRepository.java",
          new Evidence("eligibility/DibaoStandards.java", "new DibaoStandardAdded("))),
      Map.entry("tekun_standard", Map.of("tekun/persistence/TekunStandardRepository.java",
          new Evidence("tekun/TekunStandards.java", "new TekunStandardAdded("))),
      Map.entry("child_standard", Map.of("child/persistence/ChildRepository.java",
          new Evidence("child/ChildSubsidies.java", "new ChildStandardAdded("))),
      Map.entry("standard_rise", Map.of("payroll/persistence/StandardRiseRepository.java", RISES)),
      Map.entry("standard_rise_line", Map.of("payroll/persistence/StandardRiseRepository.java", RISES)),
      Map.entry("standard_rise_rule", Map.of("payroll/persistence/StandardRiseRepository.java", RISES)),
      Map.entry("rule_approval", Map.of("engine/internal/RuleApprovalRepository.java",
          new Evidence("engine/internal/RuleApprovalRepository.java", "new RuleVersionChanged("))),
      // the model itself: the audit's own deployment hook records every deployment (kind DEPLOYMENT)
      Map.entry("model_deployment", Map.of("engine/internal/RuleApprovalRepository.java",
          new Evidence("audit/internal/EngineRecorder.java", "AuditKind.DEPLOYMENT"))),
      Map.entry("funds_recovery", Map.of("funds/Recoveries.java",
          new Evidence("funds/Recoveries.java", "new RecoveryChanged("))),
      Map.entry("funds_recovery_entry", Map.of("funds/Recoveries.java",
          new Evidence("funds/Recoveries.java", "new RecoveryChanged("))),
      Map.entry("funds_cpi_figure", Map.of("funds/PriceSubsidies.java",
          new Evidence("funds/PriceSubsidies.java", "new CpiFigureEntered("))),
      Map.entry("funds_price_subsidy", Map.of("funds/PriceSubsidies.java",
          new Evidence("funds/PriceSubsidies.java", "new CpiFigureEntered(")))));

  static final Path ROOT = Path.of("src/main/java/org/doudi");

  static Map<String, String> sources() {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        out.put(ROOT.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Set<String> writersOf(String table, Map<String, String> sources) {
    Pattern write = Pattern.compile("(?i)(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+" + table
        + "(?![a-z_])|withTableName\\(\"" + table + "\"\\)");
    Set<String> found = new TreeSet<>();
    sources.forEach((file, text) -> {
      if (write.matcher(text).find()) {
        found.add(file);
      }
    });
    return found;
  }

  @Test
  void everyWriterOfAnAuditedTablePublishesItsAuditEvent() {
    Map<String, String> sources = sources();
    List<String> problems = new ArrayList<>();
    WRITERS.forEach((table, known) -> {
      Set<String> actual = writersOf(table, sources);
      for (String file : actual) {
        if (!known.containsKey(file)) {
          problems.add(file + " writes " + table + " but is not a known writer: publish an audit event (a record with "
              + "before/after, docs/audit.md) in the writing transaction and list it in AuditCoverageTest");
        }
      }
      known.forEach((file, evidence) -> {
        if (!actual.contains(file)) {
          problems.add(file + " is listed as a writer of " + table + " but does not write it (remove it here)");
        }
        String text = sources.get(evidence.file());
        if (text == null || !text.contains(evidence.marker())) {
          problems.add(table + " (" + file + "): " + evidence.file() + " no longer contains " + evidence.marker());
        }
      });
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void theGuardSeesAWriteItDoesNotKnow() {
    Map<String, String> sources = new TreeMap<>(Map.of("x/NewWriter.java",
        "jdbc.update(\"UPDATE tekun_standard SET monthly_standard = ? WHERE id = ?\", a, b);",
        "x/Other.java", "jdbc.update(\"UPDATE tekun_standard_view SET x = 1\");"));
    assertThat(writersOf("tekun_standard", sources)).containsExactly("x/NewWriter.java");
  }
}
