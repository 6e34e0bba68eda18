package org.doudi.unemployed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.household.InvalidApplicationException;
import org.doudi.identity.CaseVariables;
import org.doudi.unemployed.internal.ApplicationCheck;
import org.doudi.unemployed.persistence.UnemployedRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Uninsured-unemployed cases from outside the engine: applications through the REST API, the case file. */
@Service
public class UnemployedCases {

  private final ApplicationCheck check;
  private final UnemployedRepository repository;
  private final RuntimeService runtime;

  public UnemployedCases(ApplicationCheck check, UnemployedRepository repository, RuntimeService runtime) {
    this.check = check;
    this.repository = repository;
    this.runtime = runtime;
  }

  public record StartedCase(long applicationId, String processInstanceId) {}

  /** One written record of a case (eligibility, notices, duplicate finding, override, payment, archive). */
  public record CaseRecord(String kind, String content, java.math.BigDecimal amount, String createdBy,
      java.time.OffsetDateTime createdAt) {}

  /** The stored application and its records. */
  public record CaseFile(long applicationId, String status, String processInstanceId, String fullName,
      String regionCode, List<CaseRecord> records) {}

  /**
   * Validates and stores the application and starts {@code unemployed-assistance} (business key = application id),
   * in one transaction: invalid input or a failed start stores nothing.
   *
   * @throws InvalidApplicationException with every violation
   */
  @Transactional
  public StartedCase apply(UnemployedApplication application, String user) {
    UnemployedApplication a = check.validate(application);
    long id = repository.insert(a, user, ClockUtil.getCurrentTime().toInstant());
    Map<String, Object> variables = new HashMap<>();
    variables.put(UnemployedVariables.APPLICATION_ID, id);
    variables.put(CaseVariables.REGION_CODE, a.regionCode());
    variables.put(UnemployedVariables.REGISTERED_BY, user);
    ProcessInstance pi = runtime.createProcessInstanceByKey(UnemployedVariables.PROCESS_KEY)
        .businessKey(String.valueOf(id)).setVariables(variables).execute();
    return new StartedCase(id, pi.getId());
  }

  /**
   * The case file of an application.
   *
   * @throws NoSuchElementException no such application
   */
  @Transactional(readOnly = true)
  public CaseFile caseFile(long applicationId) {
    UnemployedRepository.Stored s = repository.find(applicationId)
        .orElseThrow(() -> new NoSuchElementException("没有找到未参保失业人员临时救助申请 " + applicationId));
    List<CaseRecord> records = s.processInstanceId() == null ? List.of()
        : repository.records(s.processInstanceId()).stream().map(r -> new CaseRecord(
            String.valueOf(r.get("kind")), String.valueOf(r.get("content")), (java.math.BigDecimal) r.get("amount"),
            (String) r.get("created_by"), toOffset(r.get("created_at")))).toList();
    return new CaseFile(s.id(), s.status(), s.processInstanceId(), s.application().fullName(),
        s.application().regionCode(), records);
  }

  private static java.time.OffsetDateTime toOffset(Object o) {
    if (o instanceof java.time.OffsetDateTime t) {
      return t;
    }
    if (o instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(java.time.ZoneOffset.ofHours(8));
    }
    return o == null ? null : java.time.OffsetDateTime.parse(o.toString());
  }
}
