package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payroll.PayrollFixture.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bank results reach the monthly payroll as the message PayrollBankResultReceived (boundary event
 * Event_BankResultReceived on the upload task), sent by the import when every line of the run's file has its result:
 * partial files leave the task open, the last one ends it through the message, a repeated file changes nothing, a
 * wrong file changes nothing. An instance of the model before the message still finishes. Own months (2071–2074).
 */
@DoudiTest
class BankResultMessageTest {

  @Autowired Payroll payroll;
  @Autowired Awards awards;
  @Autowired BankFiles bankFiles;
  @Autowired Payments payments;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  PayrollFixture f;

  @BeforeEach
  void setUp() {
    f = new PayrollFixture(tasks, management);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  /** A run of NONGAN for the month, approved and exported: the instance waits at the upload task. */
  record Sent(PayrollRun run, String pid, BankFile file, List<LedgerEntry> rows) {}

  Sent sentRun(String month, String... keys) {
    YearMonth m = YearMonth.parse(month);
    for (String key : keys) {
      awards.grant(grant(key, "冯" + key.substring(key.length() - 1), "220122195001010014", "520",
          m.minusMonths(1).atDay(10).toString()), "na-county-approver");
    }
    clockAt(month + "-01T06:00");
    PayrollRun run = payroll.start(NONGAN, m, "system");
    String pid = run.processInstanceId();
    assertThat(f.runJobs(pid)).isEmpty();
    String total = (String) runtime.getVariable(pid, "rosterTotal");
    f.complete(pid, "Task_ReviewRoster", "na-county-approver", Map.of("reviewDecision", "APPROVE",
        "confirmedTotal", total, "reviewNote", "已核对", "anomaliesVerified", true));
    assertThat(f.runJobs(pid)).isEmpty();
    BankFile file = bankFiles.ofRun(run.id()).orElseThrow();
    List<LedgerEntry> rows = jdbc.queryForList("SELECT id FROM payment_entry WHERE bank_file_id = ? ORDER BY id",
        Long.class, file.id()).stream().map(payments::get).toList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(keys.length);
    assertThat(f.task(pid, BankFiles.IMPORT_TASK)).isNotNull();
    return new Sent(run, pid, file, rows);
  }

  static String line(LedgerEntry e, String result, String reason) {
    return "D," + e.id() + "," + e.payee().accountNumber() + "," + e.amount().toPlainString() + "," + result + ","
        + reason;
  }

  static ByteArrayInputStream resultFile(BankFile file, List<LedgerEntry> rows, long returnedId) {
    StringBuilder b = new StringBuilder("H," + file.batchNo() + "\n");
    rows.forEach(e -> b.append(e.id() == returnedId ? line(e, "RETURNED", "账户已冻结") : line(e, "PAID", ""))
        .append('\n'));
    return new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  long subscriptions(String pid) {
    return runtime.createEventSubscriptionQuery().processInstanceId(pid).eventType("message")
        .eventName(BankFiles.RESULT_MESSAGE).count();
  }

  int statusChanges(BankFile file) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_entry e ON e.id = c.ledger_id "
        + "WHERE e.bank_file_id = ?", Integer.class, file.id());
  }

  @Test
  void partialResultsWaitTheLastOneSendsTheMessageAndTheRunEnds() {
    Sent s = sentRun("2071-03", "HH-BRM1", "HH-BRM2");
    assertThat(subscriptions(s.pid())).isEqualTo(1);
    LedgerEntry first = s.rows().get(0);
    LedgerEntry last = s.rows().get(s.rows().size() - 1);

    // the bank answers for one line first: the task stays, the instance still waits for the message
    ResultImport partial = bankFiles.importResult(s.file().id(), resultFile(s.file(), List.of(first), -1),
        "na-county-cw");
    assertThat(partial.paid()).isEqualTo(1);
    assertThat(partial.stillSent()).isEqualTo(s.rows().size() - 1);
    assertThat(f.runJobs(s.pid())).isEmpty();
    assertThat(f.task(s.pid(), BankFiles.IMPORT_TASK)).isNotNull();
    assertThat(subscriptions(s.pid())).isEqualTo(1);
    assertThat(payroll.run(s.run().id()).orElseThrow().status()).isEqualTo("SENT");
    assertThat(bankFiles.progress(s.file().id())).isEqualTo(new BankFileProgress(1, 0, s.rows().size() - 1));

    // the rest, one returned: the message ends the upload task, the run is recorded and ends
    ResultImport rest = bankFiles.importResult(s.file().id(), resultFile(s.file(), s.rows(), last.id()),
        "na-county-cw");
    assertThat(rest.paid()).isEqualTo(s.rows().size() - 2);
    assertThat(rest.returned()).isEqualTo(1);
    assertThat(rest.stillSent()).isZero();
    assertThat(f.task(s.pid(), BankFiles.IMPORT_TASK)).isNull();
    assertThat(payroll.run(s.run().id()).orElseThrow().status()).isEqualTo("RECONCILED");
    // the boundary event is asynchronous after: the import's transaction ends there
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(s.pid()).count()).isEqualTo(1);
    assertThat(f.runJobs(s.pid())).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(s.pid()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(s.pid())
        .activityId("Event_BankResultReceived").finished().count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(s.pid())
        .activityId("EndEvent_Reconciled").count()).isEqualTo(1);
    // the upload task was ended by the message, not completed by code
    HistoricTaskInstance t = history.createHistoricTaskInstanceQuery().processInstanceId(s.pid())
        .taskDefinitionKey(BankFiles.IMPORT_TASK).singleResult();
    assertThat(t.getDeleteReason()).isNotEqualTo("completed");
    // the recorded counts come from the bank-file table
    assertThat(variable(s.pid(), "paidCount")).isEqualTo(s.rows().size() - 1);
    assertThat(variable(s.pid(), "returnedCount")).isEqualTo(1);
    assertThat(payments.get(last.id()).status()).isEqualTo(PaymentStatus.RETURNED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("return:" + last.id()).count())
        .isEqualTo(1);
  }

  Object variable(String pid, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName(name).singleResult()
        .getValue();
  }

  @Test
  void theSameResultFileAgainChangesNothingAndSendsNoSecondMessage() {
    Sent s = sentRun("2072-03", "HH-BRM3");
    LedgerEntry returned = s.rows().get(0);
    bankFiles.importResult(s.file().id(), resultFile(s.file(), s.rows(), returned.id()), "na-county-cw");
    assertThat(f.runJobs(s.pid())).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(s.pid()).count()).isZero();
    int changes = statusChanges(s.file());

    ResultImport again = bankFiles.importResult(s.file().id(), resultFile(s.file(), s.rows(), returned.id()),
        "na-county-cw");
    assertThat(again.paid() + again.returned()).isZero();
    assertThat(again.returnCaseIds()).isEmpty();
    assertThat(statusChanges(s.file())).isEqualTo(changes);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("return:" + returned.id()).count())
        .isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(s.pid())
        .activityId("Event_BankResultReceived").count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(s.pid())
        .activityId("ServiceTask_RecordBankResult").count()).isEqualTo(1);
  }

  @Test
  void aWrongFileIsRefusedWholeAndChangesNothing() {
    Sent s = sentRun("2073-03", "HH-BRM4");
    int changes = statusChanges(s.file());
    String otherBatch = "H,P999999207303\n" + line(s.rows().get(0), "PAID", "") + "\n";
    assertThatThrownBy(() -> bankFiles.importResult(s.file().id(),
        new ByteArrayInputStream(otherBatch.getBytes(StandardCharsets.UTF_8)), "na-county-cw"))
        .isInstanceOf(BankResultRejectedException.class).hasMessageContaining("批次号").hasMessageContaining("第1行");
    assertThat(statusChanges(s.file())).isEqualTo(changes);
    assertThat(payments.get(s.rows().get(0).id()).status()).isEqualTo(PaymentStatus.SENT);
    assertThat(f.task(s.pid(), BankFiles.IMPORT_TASK)).isNotNull();
    assertThat(subscriptions(s.pid())).isEqualTo(1);
    // and the task cannot be completed by hand before the results are in
    assertThatThrownBy(() -> f.complete(s.pid(), BankFiles.IMPORT_TASK, "na-county-cw", Map.of()))
        .hasMessageContaining("银行回盘");
  }

  /**
   * An instance started from the model before the message (its upload task has no boundary event) still finishes:
   * the import completes its task as it did then. The earlier model is deployed for this test only and removed after,
   * which makes the current model the latest again.
   */
  @Test
  void anInstanceOfTheEarlierModelStillFinishes() throws IOException {
    String current = repository.createProcessDefinitionQuery().processDefinitionKey(Payroll.PROCESS_KEY)
        .latestVersion().singleResult().getId();
    Deployment legacy = repository.createDeployment().name("monthly-payroll before the bank-result message (test)")
        .addString("monthly-payroll.bpmn",
            Files.readString(Path.of("src/test/resources/payroll/monthly-payroll-before-bank-message.bpmn.xml")))
        .addString("payroll-review.form", Files.readString(Path.of("forms/payroll-review.form")))
        .addString("payroll-import-result.form", Files.readString(Path.of("forms/payroll-import-result.form")))
        .deploy();
    try {
      Sent s = sentRun("2074-03", "HH-BRM5");
      ProcessDefinition used = repository.createProcessDefinitionQuery()
          .processDefinitionId(runtime.createProcessInstanceQuery().processInstanceId(s.pid()).singleResult()
              .getProcessDefinitionId()).singleResult();
      assertThat(used.getDeploymentId()).isEqualTo(legacy.getId());
      assertThat(subscriptions(s.pid())).isZero();

      bankFiles.importResult(s.file().id(), resultFile(s.file(), s.rows(), -1), "na-county-cw");
      assertThat(f.runJobs(s.pid())).isEmpty();
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(s.pid()).count()).isZero();
      HistoricTaskInstance t = history.createHistoricTaskInstanceQuery().processInstanceId(s.pid())
          .taskDefinitionKey(BankFiles.IMPORT_TASK).singleResult();
      assertThat(t.getDeleteReason()).isEqualTo("completed");
      assertThat(variable(s.pid(), "paidCount")).isEqualTo(s.rows().size());
      assertThat(variable(s.pid(), "resultImportedBy")).isEqualTo("na-county-cw");
    } finally {
      repository.deleteDeployment(legacy.getId(), true);
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(Payroll.PROCESS_KEY).latestVersion()
        .singleResult().getId()).isEqualTo(current);
    assertThat(runtime.createEventSubscriptionQuery().eventType("message").eventName("PayrollCountyRun")
        .singleResult().getActivityId()).isEqualTo("StartEvent_CountyRun");
  }
}
