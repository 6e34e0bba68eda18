package org.doudi.tekun.internal;

import static org.doudi.tekun.TekunRecognitionVariables.CASE_ID;
import static org.doudi.tekun.TekunRecognitionVariables.REGISTERED_BY;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.household.InvalidApplicationException;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.tekun.CareMode;
import org.doudi.tekun.TekunApplication;
import org.doudi.tekun.TekunFacts;
import org.doudi.tekun.TekunRecognitions;
import org.doudi.tekun.TekunRecognitionVariables;

/**
 * 登记案件: the case's first step. Started through {@code POST /api/tekun/applications} the case is stored already
 * ({@code caseId} set): nothing to do. Started by a caseworker in Tasklist (主动发现, start form {@code tekun-start}):
 * the form's values are checked like the endpoint's (Bean Validation, then {@link TekunRecognitions#register}), the
 * caller must work in a region containing the person's, and the case is stored; a refusal rolls the whole start back
 * (nothing stored) with the Chinese message on the field. The form's personal data leave the process variables.
 */
@ProcessBean("tekunRegisterCase")
public class RegisterCase implements JavaDelegate {

  /** The start form's fields. */
  static final List<String> START_KEYS = List.of("fullName", "idNumber", "township", "regionCode", "urbanRural",
      "careMode", "supporter", "bankName", "accountNumber", "authorisationSigned", "discoveryNote");

  private final TekunRecognitions recognitions;
  private final Validator validator;
  private final Staff staff;

  public RegisterCase(TekunRecognitions recognitions, Validator validator, Staff staff) {
    this.recognitions = recognitions;
    this.validator = validator;
    this.staff = staff;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable(CASE_ID) != null) {
      return;
    }
    String user = Cases.string(execution, REGISTERED_BY);
    if (user == null || user.isBlank()) {
      user = EngineContext.currentUser() == null ? "tasklist" : EngineContext.currentUser();
    }
    // the start form chooses 乡镇（街道） and then, optionally, 村（社区） by name (docs/household.md, region lists)
    String township = Cases.string(execution, "township");
    String village = Cases.string(execution, "regionCode");
    if (township != null && !township.isBlank() && village != null && !village.isBlank()
        && !village.strip().startsWith(township.strip())) {
      throw new TekunFormException("regionCode", "所选村（社区）不属于所选乡镇（街道），请重新选择");
    }
    String regionCode = village == null || village.isBlank() ? township : village;
    TekunApplication a = new TekunApplication(Cases.string(execution, "fullName"),
        Cases.string(execution, "idNumber"), regionCode,
        Cases.string(execution, "urbanRural"), "DISCOVERY", "TOWNSHIP", null, null, null, List.of(), List.of(),
        enumOf(TekunFacts.Supporter.class, execution, "supporter", "法定义务人情况"), null, null, false,
        enumOf(CareMode.class, execution, "careMode", "供养方式"), Cases.string(execution, "bankName"),
        Cases.string(execution, "accountNumber"), Boolean.TRUE.equals(execution.getVariable(TekunRecognitionVariables.AUTHORISATION_SIGNED)),
        Cases.string(execution, "discoveryNote"));
    Set<ConstraintViolation<TekunApplication>> violations = validator.validate(a);
    if (!violations.isEmpty()) {
      List<ConstraintViolation<TekunApplication>> sorted = violations.stream()
          .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
      throw new TekunFormException(sorted.get(0).getPropertyPath().toString(), String.join("；",
          sorted.stream().map(ConstraintViolation::getMessage).toList()));
    }
    String region = a.regionCode().strip();
    String caller = user;
    boolean mine = staff.find(caller).map(m -> staff.worksWithin(m, region, Role::isCaseworking)).orElse(false);
    if (!mine) {
      throw new TekunFormException("regionCode", "用户" + caller + "不负责行政区划" + region + "，不能登记该地的特困人员认定案件");
    }
    TekunRecognitions.Registered r;
    try {
      r = recognitions.register(a, user);
    } catch (InvalidApplicationException e) {
      throw new TekunFormException(e.violations().get(0).field(), e.getMessage());
    }
    execution.removeVariables(START_KEYS);
    execution.setProcessBusinessKey(String.valueOf(r.caseId()));
    r.variables().forEach(execution::setVariable);
    recognitions.attachProcess(r.caseId(), execution.getProcessInstanceId());
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, DelegateExecution execution, String key, String label) {
    String v = Cases.string(execution, key);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw new TekunFormException(key, "“" + label + "”的值" + v + "无效");
    }
  }
}
