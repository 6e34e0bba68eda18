package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.payment.Payee;
import org.doudi.payment.Scheme;

/** Helpers of the payroll tests: clock, awards, jobs (failures collected, not thrown), tasks. */
final class PayrollFixture {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String NONGAN = "220122";
  static final String BAOTA = "220122100201";

  private final TaskService tasks;
  private final ManagementService management;

  PayrollFixture(TaskService tasks, ManagementService management) {
    this.tasks = tasks;
    this.management = management;
  }

  static void clockAt(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant()));
  }

  /** Moves the clock past the retry delay of a failed job (R5/PT10M). */
  static void afterRetryDelay() {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 11 * 60_000L));
  }

  /**
   * A grant for one payee. Each beneficiary key gets its own valid ID number (derived from the given one's address
   * part): the benefit register holds a person in one household only.
   */
  static AwardGrant grant(String key, String name, String idNumber, String amount, String decidedOn) {
    return new AwardGrant(key, Scheme.DIBAO, "case-" + key, NONGAN, BAOTA, "RURAL", 1,
        new Payee(key, name, personId(idNumber, key), "农安农商银行", "62284800" + Math.abs(key.hashCode() % 100000000L)),
        new BigDecimal(amount), LocalDate.parse(decidedOn), "测试批准");
  }

  private static final java.util.Map<String, String> IDS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.concurrent.atomic.AtomicInteger NEXT_ID = new java.util.concurrent.atomic.AtomicInteger();

  /** One valid ID number per beneficiary key for this JVM, with the given number's address code. */
  static String personId(String idNumber, String key) {
    if (idNumber == null || idNumber.length() != 18) {
      return idNumber; // a deliberately invalid number stays as it is
    }
    return IDS.computeIfAbsent(key, k -> {
      int n = NEXT_ID.incrementAndGet();
      String birth = LocalDate.of(1950, 1, 1).plusDays(n / 900).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
      return org.doudi.eligibility.TestIds.id(idNumber.substring(0, 6), birth, String.format("%03d", 100 + n % 900));
    });
  }

  /** Executes the due jobs of an instance until none is left; returns the failures instead of throwing them. */
  List<Exception> runJobs(String processInstanceId) {
    List<Exception> failures = new ArrayList<>();
    for (int round = 0; round < 30; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).active().list().stream()
          .filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime()))
          .filter(j -> j.getRetries() > 0).toList();
      if (due.isEmpty()) {
        return failures;
      }
      boolean progressed = false;
      for (Job j : due) {
        try {
          management.executeJob(j.getId());
          progressed = true;
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }
      if (!progressed) {
        return failures;
      }
    }
    throw new AssertionError("jobs keep coming for " + processInstanceId);
  }

  Task task(String processInstanceId, String key) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
  }

  void complete(String processInstanceId, String key, String user, Map<String, Object> variables) {
    Task t = task(processInstanceId, key);
    if (t == null) {
      throw new AssertionError("no open task " + key);
    }
    tasks.claim(t.getId(), user);
    tasks.complete(t.getId(), variables);
  }
}
