package org.doudi.supervision.vagrant.internal;

import static org.doudi.supervision.vagrant.VagrantVariables.*;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ParameterisedDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskParameter;
import org.doudi.household.InvalidApplicationException;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.supervision.vagrant.VagrantCases;
import org.doudi.supervision.vagrant.VagrantIntake;
import org.doudi.supervision.vagrant.persistence.VagrantRepository;
import org.doudi.supervision.vagrant.VagrantVariables;

/** The service steps of {@code vagrant-assistance}: the intake from Tasklist and the closing of a stay. */
final class VagrantSteps {

  private VagrantSteps() {}

  static long caseId(DelegateExecution execution) {
    return ((Number) execution.getVariable(CASE_ID)).longValue();
  }

  static String string(DelegateExecution execution, String key) {
    Object v = execution.getVariable(key);
    return v == null ? null : v.toString();
  }

  /**
   * 入站登记: the first step. Through {@code POST /api/vagrants} the case is stored already ({@code caseId} set):
   * nothing to do. Started in Tasklist (start form {@code vagrant-start}): the form's values are checked like the
   * endpoint's, the caller must be a caseworker of the station's county, and the case is stored; a refusal rolls the
   * whole start back with the Chinese message. The form's personal data leave the process variables.
   */
  @ProcessBean("vagrantRegister")
  public static class Register implements JavaDelegate {

    static final List<String> START_KEYS = List.of("fullName", "idNumber", "sex", "approximateAge", "foundPlace",
        "broughtBy", "healthState", "note", VagrantVariables.PREVIOUS_CASE_ID);

    private final VagrantCases cases;
    private final Validator validator;
    private final Staff staff;

    public Register(VagrantCases cases, Validator validator, Staff staff) {
      this.cases = cases;
      this.validator = validator;
      this.staff = staff;
    }

    @Override
    public void execute(DelegateExecution execution) {
      if (execution.getVariable(CASE_ID) != null) {
        return;
      }
      String user = EngineContext.currentUser() != null ? EngineContext.currentUser()
          : string(execution, REGISTERED_BY);
      if (user == null) {
        throw new VagrantFormException(STATION_CODE, "无法确定登记人，请登录后办理");
      }
      Object age = execution.getVariable(VagrantVariables.APPROXIMATE_AGE);
      Integer years;
      try {
        years = age == null || age.toString().isBlank() ? null : (int) Double.parseDouble(age.toString());
      } catch (NumberFormatException e) {
        throw new VagrantFormException("approximateAge", "大致年龄应为0至120岁的整数");
      }
      Object previous = execution.getVariable(VagrantVariables.PREVIOUS_CASE_ID);
      Long previousCaseId;
      try {
        previousCaseId = previous == null || previous.toString().isBlank() ? null
            : Long.valueOf(previous.toString().strip().replaceFirst("\\.0+$", ""));
      } catch (NumberFormatException e) {
        throw new VagrantFormException(VagrantVariables.PREVIOUS_CASE_ID, "原救助管理站案件编号应为正整数");
      }
      VagrantIntake a = new VagrantIntake(string(execution, STATION_CODE), string(execution, "fullName"),
          string(execution, "idNumber"), enumOf(VagrantIntake.Sex.class, execution, "sex", "性别"), years,
          string(execution, "foundPlace"), enumOf(VagrantIntake.BroughtBy.class, execution, "broughtBy", "由谁送来"),
          enumOf(VagrantIntake.HealthState.class, execution, "healthState", "健康状况"), string(execution, "note"),
          previousCaseId);
      Set<ConstraintViolation<VagrantIntake>> violations = validator.validate(a);
      if (!violations.isEmpty()) {
        List<ConstraintViolation<VagrantIntake>> sorted = violations.stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
        throw new VagrantFormException(sorted.get(0).getPropertyPath().toString(), String.join("；",
            sorted.stream().map(ConstraintViolation::getMessage).toList()));
      }
      String county = cases.stationCounty(a.stationCode())
          .orElseThrow(() -> new VagrantFormException(STATION_CODE, "救助管理站" + a.stationCode() + "不存在"));
      boolean mine = staff.find(user).map(m -> staff.worksWithin(m, county, r -> r == Role.COUNTY_CASEWORKER))
          .orElse(false);
      if (!mine) {
        throw new VagrantFormException(STATION_CODE, "用户" + user + "不是该救助管理站所在县（市、区）的经办人，不能登记");
      }
      VagrantCases.Registered r;
      try {
        r = cases.register(a, user);
      } catch (InvalidApplicationException e) {
        throw new VagrantFormException(e.violations().get(0).field(), e.getMessage());
      }
      execution.removeVariables(START_KEYS);
      execution.setProcessBusinessKey(String.valueOf(r.caseId()));
      r.variables().forEach(execution::setVariable);
      cases.attachProcess(r.caseId(), execution.getProcessInstanceId());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, DelegateExecution execution, String key,
        String label) {
      String v = string(execution, key);
      if (v == null || v.isEmpty()) {
        return null;
      }
      try {
        return Enum.valueOf(type, v);
      } catch (IllegalArgumentException e) {
        throw new VagrantFormException(key, "“" + label + "”的值" + v + "无效");
      }
    }
  }

  /** 结束救助: {@link Records#close} with the task's input parameter {@code closeStatus} (RETURNED, LEFT). */
  @ProcessBean("vagrantCloseStay")
  public static class CloseStay implements ParameterisedDelegate {

    private static final TaskParameter PARAMETER = TaskParameter.of(CLOSE_STATUS, "RETURNED", "LEFT");

    private final Records records;

    public CloseStay(Records records) {
      this.records = records;
    }

    @Override
    public TaskParameter parameter() {
      return PARAMETER;
    }

    @Override
    public void execute(DelegateExecution execution) {
      records.close(execution, PARAMETER.read(execution));
    }
  }

  /**
   * Closes a stay: {@code ${vagrantRecords.close(execution, 'RETURNED')}}, as older versions of the model call it
   * (today's model: {@link CloseStay}). A retry changes nothing.
   */
  @ProcessBean("vagrantRecords")
  public static class Records {

    private final VagrantRepository repository;

    public Records(VagrantRepository repository) {
      this.repository = repository;
    }

    public void close(DelegateExecution execution, String status) {
      if (!Set.of("RETURNED", "LEFT").contains(status)) {
        throw new IllegalArgumentException("Unknown closing status " + status);
      }
      long id = caseId(execution);
      if (repository.close(id, status, EngineContext.now())) {
        repository.insertRecord(id, "CLOSE", null, "RETURNED".equals(status) ? "救助结束：已返乡。"
            : "救助结束：本人自愿离站。", null, EngineContext.now());
      }
    }
  }
}
